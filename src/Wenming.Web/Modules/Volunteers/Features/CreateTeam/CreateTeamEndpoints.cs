using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.CreateTeam;

/// <summary>The HTTP side of <see cref="CreateTeamHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class CreateTeamEndpoints
{
    public static async Task<Results<Created<TeamDto>, ProblemHttpResult>> CreateTeam(CreateTeamRequest request, CreateTeamHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), t => $"/api/v1/teams/{t.Id}");
}
