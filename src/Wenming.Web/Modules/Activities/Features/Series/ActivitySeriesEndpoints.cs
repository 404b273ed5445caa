using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.Series;

/// <summary>The HTTP side of <see cref="ActivitySeriesHandler"/>; routes and summaries are mapped in the module file.</summary>
public static class ActivitySeriesEndpoints
{
    public static async Task<Results<Created<SeriesDto>, ProblemHttpResult>> Create(CreateSeriesRequest request, ActivitySeriesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), s => $"/api/v1/activity-series/{s.Id}");

    public static async Task<Results<Ok<SeriesDto>, ProblemHttpResult>> Get(long id, ActivitySeriesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<SeriesDto>, ProblemHttpResult>> EditFollowing(long id, SeriesFollowingRequest request, ActivitySeriesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.EditFollowingAsync(id, request, ct));

    public static async Task<Results<Ok<SeriesDto>, ProblemHttpResult>> CancelFollowing(long id, SeriesCancelRequest request, ActivitySeriesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.CancelFollowingAsync(id, request, ct));
}
