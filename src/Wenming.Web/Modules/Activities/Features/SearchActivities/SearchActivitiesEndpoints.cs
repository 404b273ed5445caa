using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.SearchActivities;

/// <summary>The HTTP side of <see cref="SearchActivitiesHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SearchActivitiesEndpoints
{
    public static async Task<Results<Ok<PageOf<ActivityDto>>, ProblemHttpResult>> SearchActivities([AsParameters] SearchActivitiesRequest request, SearchActivitiesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
