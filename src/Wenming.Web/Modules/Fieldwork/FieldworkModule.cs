using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Fieldwork.Domain;
using Wenming.Web.Modules.Fieldwork.Features.Leaders;
using Wenming.Web.Modules.Fieldwork.Features.Sites;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Fieldwork;

/// <summary>
/// The county's work in the field (DESIGN §3 site standard, §8 包镇联村; issue 13): leaders linked to townships and
/// villages with their visit logs, and the stations' site standard checklists with inspections and scores.
/// </summary>
public static class FieldworkModule
{
    public static IServiceCollection AddFieldwork(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<LeaderLinksHandler>();
        services.AddScoped<SiteStandardsHandler>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, SiteScoreIndicator>();
        services.AddScoped<IDemoSeedStep, FieldworkDemo>();
        return services;
    }

    public static RouteGroupBuilder MapFieldwork(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/leader-links").WithTags("fieldwork");
        links.MapPost("", async Task<Results<Created<LeaderLinkDto>, ProblemHttpResult>> (LinkLeaderRequest request, LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.LinkAsync(request, ct), l => $"/api/v1/leader-links/{l.Id}"))
            .WithSummary("包镇联村：县中心把县级领导（督查或中心管理员账号 leaderUserId）联系到乡镇或村（orgUnitId）").WithIdempotency();
        links.MapGet("", async Task<Results<Ok<IReadOnlyList<LeaderLinkDto>>, ProblemHttpResult>> (bool? mine, long? leaderUserId, LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.LinksAsync(mine ?? false, leaderUserId, ct)))
            .WithSummary("管辖范围内的联系关系（mine=true 为本人作为领导的联系点）");
        links.MapGet("/candidates", async Task<Results<Ok<IReadOnlyList<LeaderCandidateDto>>, ProblemHttpResult>> (LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.CandidatesAsync(ct)))
            .WithSummary("可联系的县级领导账号（督查、中心管理员）");
        links.MapGet("/overview", async Task<Results<Ok<IReadOnlyList<LeaderOverviewRow>>, ProblemHttpResult>> (int? months, LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.OverviewAsync(months, ct)))
            .WithSummary("领导 × 月份走访情况（months=1–12，默认 6；按北京时间自然月，有走访为绿灯，无走访为黄灯）");
        links.MapDelete("/{id:long}", async Task<Results<NoContent, ProblemHttpResult>> (long id, LeaderLinksHandler handler, CancellationToken ct) =>
        {
            var result = await handler.UnlinkAsync(id, ct);
            return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
        }).WithSummary("取消联系（县中心）");

        var visits = api.MapGroup("/leader-visits").WithTags("fieldwork");
        visits.MapPost("", async Task<Results<Created<LeaderVisitDto>, ProblemHttpResult>> (LogVisitRequest request, LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.LogAsync(request, [], ct), v => $"/api/v1/leader-visits/{v.Id}"))
            .WithSummary("领导记录走访（orgUnitId 为所联系的乡镇、村或其下级；visitedOn 为北京时间日期，不晚于今天；place、found 必填）").WithIdempotency();
        visits.MapGet("", async Task<Results<Ok<PageOf<LeaderVisitDto>>, ProblemHttpResult>> ([AsParameters] ListVisitsRequest request, LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ListAsync(request, ct)))
            .WithSummary("管辖范围内的走访记录（mine=true 本人的；orgUnitId 含下级；leaderUserId；month=yyyy-MM）");
        visits.MapGet("/{id:long}", async Task<Results<Ok<LeaderVisitDto>, ProblemHttpResult>> (long id, LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(id, ct)))
            .WithSummary("查看走访记录及照片");
        visits.MapPost("/{id:long}/task", async Task<Results<Ok<LeaderVisitDto>, ProblemHttpResult>> (long id, VisitTaskRequest request, LeaderLinksHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.RaiseTaskAsync(id, request, ct)))
            .WithSummary("发现问题转为督办任务（走访的领导本人；交给被走访单位，title 可省略，dueAt 必填；每条走访一次）").WithIdempotency();
        visits.MapPost("/{id:long}/photos", async Task<Results<Ok<LeaderVisitDto>, ProblemHttpResult>> (long id, IFormFile? file, LeaderLinksHandler handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            return ApiResults.OkOr(await handler.AddPhotoAsync(id, new VisitPhotoUpload(file?.FileName, content), ct));
        })
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传走访照片（multipart：file；走访的领导本人，每条最多 6 张）");

        var sites = api.MapGroup("/sites").WithTags("fieldwork");
        sites.MapGet("", async Task<Results<Ok<IReadOnlyList<SiteSummaryDto>>, ProblemHttpResult>> (long? orgUnitId, SiteStandardsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ListAsync(orgUnitId, ct)))
            .WithSummary("管辖范围内各村（社区）实践站的阵地标准最近得分（orgUnitId 含下级）");
        sites.MapGet("/{orgUnitId:long}/standard", async Task<Results<Ok<SiteStandardDto>, ProblemHttpResult>> (long orgUnitId, SiteStandardsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(orgUnitId, ct)))
            .WithSummary("实践站阵地标准（1强2好3化及标识、开放时间、场地面积）：自评佐证、照片、最近检查得分和历次检查");
        sites.MapPut("/{orgUnitId:long}/standard/items/{item}", async Task<Results<Ok<SiteStandardDto>, ProblemHttpResult>> (long orgUnitId, SiteItem item, StateItemRequest request, SiteStandardsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.StateAsync(orgUnitId, item, request, ct)))
            .WithSummary("本站填写某一项的佐证说明（note 必填；站管理员）");
        sites.MapPost("/{orgUnitId:long}/standard/items/{item}/photos", async Task<Results<Ok<SiteStandardDto>, ProblemHttpResult>> (long orgUnitId, SiteItem item, IFormFile? file, SiteStandardsHandler handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            return ApiResults.OkOr(await handler.AddPhotoAsync(orgUnitId, item, new SitePhotoUpload(file?.FileName, content), ct));
        })
            .DisableAntiforgery()
            .WithSummary("上传某一项的佐证照片（multipart：file；站管理员，每项最多 4 张）");
        sites.MapPost("/{orgUnitId:long}/inspections", async Task<Results<Created<InspectionDto>, ProblemHttpResult>> (long orgUnitId, InspectSiteRequest request, SiteStandardsHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.InspectAsync(orgUnitId, request, ct), i => $"/api/v1/sites/{orgUnitId}/inspections/{i.Id}"))
            .WithSummary("乡镇或县检查打分（scores 为全部 9 项，每项 0–10；inspectedOn 默认今天）").WithIdempotency();
        sites.MapGet("/{orgUnitId:long}/inspections/{id:long}", async Task<Results<Ok<InspectionDto>, ProblemHttpResult>> (long orgUnitId, long id, SiteStandardsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.InspectionAsync(orgUnitId, id, ct)))
            .WithSummary("查看一次检查的各项得分");
        return api;
    }

    /// <summary>How the audit log names this module's rows (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(LeaderLink), "Fieldwork.entity.LeaderLink").Entity(nameof(LeaderVisit), "Fieldwork.entity.LeaderVisit")
        .Entity(nameof(LeaderVisitPhoto), "Fieldwork.entity.LeaderVisitPhoto").Entity(nameof(SiteChecklistEntry), "Fieldwork.entity.SiteChecklistEntry")
        .Entity(nameof(SiteEvidencePhoto), "Fieldwork.entity.SiteEvidencePhoto").Entity(nameof(SiteInspection), "Fieldwork.entity.SiteInspection")
        .Entity(nameof(SiteInspectionScore), "Fieldwork.entity.SiteInspectionScore")
        .Enum<SiteItem>(i => Platform.Localization.Text.Get("Fieldwork.item." + i));
}
