using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.CancelEnrollment;

/// <summary>The HTTP side of <see cref="CancelEnrollmentHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class CancelEnrollmentEndpoints
{
    public static async Task<Results<NoContent, ProblemHttpResult>> CancelEnrollment(long id, long volunteerId, CancelEnrollmentHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, volunteerId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }
}
