using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Modules.Statistics;

/// <summary>Statistics, the data screen and the monthly report (DESIGN §11): the indicators every module contributes, added up over the org tree.</summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<StatisticsQueries>();
        services.AddScoped<Features.Rollups.StatRollupStore>();
        services.AddJob<Features.Rollups.StatRollupJob>();
        services.AddScoped<ScreenKeys>();
        services.AddScoped<MonthlyReport>();
        services.AddScoped<SiteMap>();
        services.AddAuditTerms(new AuditTerms().Entity(ScreenKeys.ScreenKeyEntity, "Statistics.entity.ScreenKey"));
        return services;
    }

    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder api)
    {
        var stats = api.MapGroup("/stats").WithTags("stats");
        stats.MapGet("/overview", GetOverview).WithSummary("An org subtree's indicators for a period (China dates, inclusive), with the period before.")
            .WithDescription("The period before (previousFrom–previousTo, 环比): a month so far against the same days of the month before, "
                + "whole months against as many whole months before, any other window against as many days ending the day before it.");
        stats.MapGet("/ranking", GetRanking).WithSummary("The units of one level under a unit, ranked by one indicator.");
        stats.MapGet("/trend", GetTrend).WithSummary("One indicator month by month, the current month last.");
        stats.MapGet("/map", GetMap).WithSummary("The subtree's sites with their coordinates, one indicator's value and their light; units without coordinates apart.");
        stats.MapGet("/indicators", GetIndicators).WithSummary("The indicators on offer, from every module.");
        stats.MapGet("/report", GetReport).WithSummary("The monthly report (月通报) as Excel (format=xlsx) or PDF (format=pdf).");
        stats.MapGet("/screen-key", (long? countyId, ScreenKeys keys, CancellationToken ct) => GetScreenKey(keys, countyId, rotate: false, ct))
            .WithSummary("The secret key of a county's public data screen: the caller's county, or countyId (system admins name it).");
        stats.MapPost("/screen-key/rotate", (long? countyId, ScreenKeys keys, CancellationToken ct) => GetScreenKey(keys, countyId, rotate: true, ct))
            .WithSummary("Replaces the county's data screen key; the old link stops working.");
        return api;
    }

    /// <summary>The anonymous part: the public data screen's aggregates, behind the county's secret key.</summary>
    public static RouteGroupBuilder MapStatisticsAnonymous(this RouteGroupBuilder api)
    {
        api.MapGet("/public/stats", GetPublicStats).AllowAnonymous().WithTags("stats")
            .WithSummary("The overview's aggregates for the public data screen; needs the county's screen key (key=).");
        api.MapGet("/public/stats/map", GetPublicMap).AllowAnonymous().WithTags("stats")
            .WithSummary("The map of the key's county for the public data screen: sites, coordinates and one indicator's value (key=).");
        return api;
    }

    private static async Task<Results<Ok<OverviewDto>, ProblemHttpResult>> GetOverview([AsParameters] StatsRequest request, StatisticsQueries stats, CancellationToken ct) =>
        ApiResults.OkOr(await stats.OverviewAsync(request, ct));

    private static async Task<Results<Ok<List<RankingItemDto>>, ProblemHttpResult>> GetRanking([AsParameters] StatsRequest request, StatisticsQueries stats, CancellationToken ct) =>
        ApiResults.OkOr(await stats.RankingAsync(request, ct));

    private static async Task<Results<Ok<List<TrendPointDto>>, ProblemHttpResult>> GetTrend([AsParameters] StatsRequest request, StatisticsQueries stats, CancellationToken ct) =>
        ApiResults.OkOr(await stats.TrendAsync(request, ct));

    private static async Task<Results<Ok<MapDto>, ProblemHttpResult>> GetMap([AsParameters] StatsRequest request, SiteMap map, CancellationToken ct) =>
        ApiResults.OkOr(await map.MapAsync(request, ct));

    private static Results<Ok<List<IndicatorDto>>, ProblemHttpResult> GetIndicators(StatisticsQueries stats) =>
        stats.CheckRole() is { } forbidden
            ? ApiResults.Problem(forbidden)
            : TypedResults.Ok(stats.Indicators.Select(i => new IndicatorDto(i.Key, Platform.Localization.Text.Get(i.LabelKey), i.Aggregate.ToString(), i.HigherIsBetter, i.Percent)).ToList());

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetReport([AsParameters] StatsRequest request, string? format, MonthlyReport report, CancellationToken ct)
    {
        var file = await report.BuildAsync(request, format, ct);
        return file.IsSuccess ? TypedResults.File(file.Value.Content, file.Value.ContentType, file.Value.FileName) : ApiResults.Problem(file.Error!);
    }

    private static async Task<Results<Ok<ScreenKeyDto>, ProblemHttpResult>> GetScreenKey(ScreenKeys keys, long? countyId, bool rotate, CancellationToken ct) =>
        ApiResults.OkOr(await keys.GetAsync(countyId, rotate, ct));

    private static async Task<Results<Ok<MapDto>, ProblemHttpResult>> GetPublicMap(long? orgUnitId, string? key, string? indicator, ScreenKeys keys, CancellationToken ct) =>
        ApiResults.OkOr(await keys.PublicMapAsync(key, orgUnitId, indicator, ct));

    private static async Task<Results<Ok<OverviewDto>, ProblemHttpResult>> GetPublicStats(long? orgUnitId, string? key, ScreenKeys keys, CancellationToken ct) =>
        ApiResults.OkOr(await keys.PublicOverviewAsync(key, orgUnitId, ct));
}

public sealed record IndicatorDto(string Key, string Label, string Aggregate, bool HigherIsBetter, bool Percent);
