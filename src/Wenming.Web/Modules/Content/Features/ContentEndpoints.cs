using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Content.Features;

/// <summary>The HTTP side of the content handlers; routes and summaries are in ContentModule.</summary>
public static class ContentEndpoints
{
    public static async Task<Results<Created<ArticleDto>, ProblemHttpResult>> Create(ArticleRequest request, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), a => $"/api/v1/articles/{a.Id}");

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Update(long id, ArticleRequest request, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.UpdateAsync(id, request, ct));

    public static async Task<Results<Ok<PageOf<ArticleDto>>, ProblemHttpResult>> List([AsParameters] ListArticlesRequest request, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Get(long id, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Submit(long id, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SubmitAsync(id, ct));

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Approve(long id, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ApproveAsync(id, ct));

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Reject(long id, RejectArticleRequest request, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RejectAsync(id, request, ct));

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Publish(long id, ArticlesHandler handler, CancellationToken ct, [FromBody] PublishArticleRequest? request = null) =>
        ApiResults.OkOr(await handler.PublishAsync(id, request ?? new PublishArticleRequest(), ct));

    public static async Task<Results<Ok<ArticleDto>, ProblemHttpResult>> Withdraw(long id, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.WithdrawAsync(id, ct));

    public static async Task<Results<Ok<ContentSettingsDto>, ProblemHttpResult>> Settings(ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SettingsAsync(ct));

    public static async Task<Results<Ok<ContentSettingsDto>, ProblemHttpResult>> SetSettings(ContentSettingsRequest request, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SetSettingsAsync(request, ct));

    public static async Task<Results<Ok<PageOf<PublicArticleDto>>, ProblemHttpResult>> PublicList(PublicArticlesHandler handler, CancellationToken ct, long? orgUnitId = null, ArticleKind? kind = null, int page = 1, int pageSize = 20) =>
        ApiResults.OkOr(await handler.ListAsync(orgUnitId, kind, page, pageSize, ct));

    public static async Task<Results<Ok<PublicArticleDetailDto>, ProblemHttpResult>> PublicGet(long id, PublicArticlesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Created<ArticleDto>, ProblemHttpResult>> FromActivity(long activityId, ArticlesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.DraftFromActivityAsync(activityId, ct), a => $"/api/v1/articles/{a.Id}");

    public static async Task<Results<Ok<PageOf<PublicActivityDto>>, ProblemHttpResult>> PublicActivities(PortalSections handler, CancellationToken ct, long? orgUnitId = null, bool recruiting = false, int page = 1, int pageSize = 20) =>
        ApiResults.OkOr(await handler.ActivitiesAsync(orgUnitId, recruiting, page, pageSize, ct));

    public static async Task<Results<Ok<PageOf<PublicServiceDto>>, ProblemHttpResult>> PublicServices(PortalSections handler, CancellationToken ct, long? orgUnitId = null, int page = 1, int pageSize = 20) =>
        ApiResults.OkOr(await handler.ServicesAsync(orgUnitId, page, pageSize, ct));

    public static async Task<Results<Ok<PageOf<PublicPointsNoticeDto>>, ProblemHttpResult>> PublicNotices(PortalSections handler, CancellationToken ct, long? orgUnitId = null, int page = 1, int pageSize = 20) =>
        ApiResults.OkOr(await handler.NoticesAsync(orgUnitId, page, pageSize, ct));

    public static async Task<Results<Ok<PublicRankingDto>, ProblemHttpResult>> PublicRanking(PortalSections handler, CancellationToken ct, long? orgUnitId = null, int top = 20) =>
        ApiResults.OkOr(await handler.RankingAsync(orgUnitId, top, ct));

    /// <summary>A live article's picture, for anyone (stored files are otherwise for staff only, ADR 0008).</summary>
    public static async Task<IResult> PublicFile(long id, long fileId, PublicArticlesHandler handler, HttpContext http, CancellationToken ct)
    {
        if (await handler.OpenFileAsync(id, fileId, ct) is not { } file)
        {
            return Results.NotFound();
        }

        // Public and unchanging (a new picture is a new id), unlike the staff route's private cache; set as the
        // headers go out, since the shared writer sets its own first.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Task.CompletedTask;
        });
        await FilesSetup.WriteAsync(file, http.Response, ct);
        return Results.Empty;
    }
}
