using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;

/// <summary>The HTTP side of <see cref="ApproveVolunteerHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ApproveVolunteerEndpoints
{
    public static async Task<Results<Ok<VolunteerDto>, ProblemHttpResult>> ApproveVolunteer(long id, ApproveVolunteerHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
