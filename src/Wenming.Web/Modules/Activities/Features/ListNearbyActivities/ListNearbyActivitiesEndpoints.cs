using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.ListNearbyActivities;

/// <summary>The HTTP side of <see cref="ListNearbyActivitiesHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListNearbyActivitiesEndpoints
{
    public static async Task<Results<Ok<PageOf<NearbyActivityDto>>, ProblemHttpResult>> ListNearbyActivities([AsParameters] PageRequest request, ListNearbyActivitiesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
