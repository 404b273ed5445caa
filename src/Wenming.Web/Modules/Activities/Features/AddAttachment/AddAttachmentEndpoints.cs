using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.AddAttachment;

/// <summary>The HTTP side of <see cref="AddAttachmentHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class AddAttachmentEndpoints
{
    public static async Task<Results<Created<AttachmentDto>, ProblemHttpResult>> AddAttachment(long id, IFormFile? file, [FromForm] string? kind, [FromForm] string? caption, AddAttachmentHandler handler, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        return ApiResults.CreatedOr(await handler.HandleAsync(id, new AddAttachmentRequest(file?.FileName, content, kind, caption), ct), a => a.Url);
    }
}
