using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.GetVolunteer;

/// <summary>The HTTP side of <see cref="GetVolunteerHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetVolunteerEndpoints
{
    public static async Task<Results<Ok<VolunteerDto>, ProblemHttpResult>> GetVolunteer(long id, GetVolunteerHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
