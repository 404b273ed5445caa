using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.SearchTeams;

/// <summary>The HTTP side of <see cref="SearchTeamsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SearchTeamsEndpoints
{
    public static async Task<Results<Ok<PageOf<TeamDto>>, ProblemHttpResult>> SearchTeams([AsParameters] SearchTeamsRequest request, SearchTeamsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
