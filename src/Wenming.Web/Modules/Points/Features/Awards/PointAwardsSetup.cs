using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary>Hand awards and deductions: services, the credit job, the demo step and the routes under /api/v1/points.</summary>
public static class PointAwardsSetup
{
    public static IServiceCollection AddPointAwards(this IServiceCollection services)
    {
        services.AddScoped<AwardReader>();
        services.AddScoped<ProposeAwardHandler>();
        services.AddScoped<DecideAwardHandler>();
        services.AddScoped<ListAwardsHandler>();
        services.AddJob<CreditAwardsJob>();
        services.AddScoped<IDemoSeedStep, PointAwardsDemo>();
        return services;
    }

    public static RouteGroupBuilder MapPointAwards(this RouteGroupBuilder api)
    {
        var points = api.MapGroup("/points").WithTags("points");
        points.MapPost("/awards", async Task<Results<Created<AwardDto>, ProblemHttpResult>> (ProposeAwardRequest request, ProposeAwardHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(request, ct), a => $"/api/v1/points/awards/{a.Id}"))
            .WithSummary("提议加分或扣分（积分评议；points 为负数表示扣分，category 可选；站、所、中心管理员）")
            .WithIdempotency();
        points.MapGet("/awards", async Task<Results<Ok<PageOf<AwardDto>>, ProblemHttpResult>> ([AsParameters] ListAwardsRequest request, ListAwardsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ListAsync(request, ct)))
            .WithSummary("管辖范围内的加分、扣分（status=Proposed 为待审核）");
        points.MapGet("/awards/{id:long}", async Task<Results<Ok<AwardDto>, ProblemHttpResult>> (long id, ListAwardsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(id, ct)))
            .WithSummary("查看一条加分、扣分及其证明材料");
        points.MapPost("/awards/{id:long}/approve", async Task<Results<Ok<AwardDto>, ProblemHttpResult>> (long id, DecideAwardHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ApproveAsync(id, ct)))
            .WithSummary("审核通过（须为提议人以外的管理员或督查；通过后公示，公示期满记入积分）")
            .WithIdempotency();
        points.MapPost("/awards/{id:long}/reject", async Task<Results<Ok<AwardDto>, ProblemHttpResult>> (long id, AwardReasonRequest request, DecideAwardHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.RejectAsync(id, request, ct)))
            .WithSummary("驳回（须为提议人以外的人，须填写理由）");
        points.MapPost("/awards/{id:long}/revoke", async Task<Results<Ok<AwardDto>, ProblemHttpResult>> (long id, AwardReasonRequest request, DecideAwardHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.RevokeAsync(id, request, ct)))
            .WithSummary("公示期内因异议撤销（管理员，须填写理由）");
        points.MapPost("/awards/{id:long}/evidence", async Task<Results<Created<AwardEvidenceDto>, ProblemHttpResult>> (
            long id, IFormFile? file, ProposeAwardHandler handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            return ApiResults.CreatedOr(await handler.AddEvidenceAsync(id, new AwardEvidenceUpload(file?.FileName, content), ct), e => e.Url);
        })
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传证明材料（multipart：file；照片或 PDF，审核前，每条最多 6 个）");
        points.MapGet("/notices", async Task<Results<Ok<PageOf<AwardNoticeDto>>, ProblemHttpResult>> ([AsParameters] ListNoticesRequest request, ListAwardsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.NoticesAsync(request, ct)))
            .WithSummary("积分公示：公示中和近 30 天已记入的加分、扣分（群众看本村，姓名脱敏）");
        return api;
    }
}
