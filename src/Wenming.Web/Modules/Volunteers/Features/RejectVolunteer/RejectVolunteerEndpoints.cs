using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.RejectVolunteer;

/// <summary>The HTTP side of <see cref="RejectVolunteerHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class RejectVolunteerEndpoints
{
    public static async Task<Results<Ok<VolunteerDto>, ProblemHttpResult>> RejectVolunteer(long id, RejectVolunteerRequest request, RejectVolunteerHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
