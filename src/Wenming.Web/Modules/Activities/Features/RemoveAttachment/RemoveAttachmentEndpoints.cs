using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.RemoveAttachment;

/// <summary>The HTTP side of <see cref="RemoveAttachmentHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class RemoveAttachmentEndpoints
{
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAttachment(long id, long attachmentId, RemoveAttachmentHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, attachmentId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }
}
