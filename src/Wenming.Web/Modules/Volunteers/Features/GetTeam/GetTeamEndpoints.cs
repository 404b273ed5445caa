using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.GetTeam;

/// <summary>The HTTP side of <see cref="GetTeamHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetTeamEndpoints
{
    public static async Task<Results<Ok<TeamDto>, ProblemHttpResult>> GetTeam(long id, GetTeamHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
