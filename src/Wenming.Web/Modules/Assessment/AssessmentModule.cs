using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Assessment.Contracts;
using Wenming.Web.Modules.Assessment.Features.Schemes;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Assessment;

/// <summary>考评 (DESIGN §8, issue 13, ADR 0049): schemes per period and level, computed and manual indicators, ranking, review, publication.</summary>
public static class AssessmentModule
{
    public static IServiceCollection AddAssessment(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<AssessmentSchemesHandler>();
        services.AddScoped<IPublishedAssessments, PublishedAssessments>();
        services.AddScoped<IDemoSeedStep, AssessmentDemo>();
        return services;
    }

    public static RouteGroupBuilder MapAssessment(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assessments").WithTags("assessments");
        group.MapPost("", CreateScheme).WithSummary("新建考评方案并计算（orgUnitId 为组织考评的县或镇；period 为 yyyy-MM 或 yyyy；level 为 Township/Village；indicators 省略时用默认指标和权重）").WithIdempotency();
        group.MapGet("", ListSchemes).WithSummary("管辖范围内的考评方案（status=Computed/Reviewed/Published）");
        group.MapGet("/mine", Mine).WithSummary("本单位已发布的考评结果（名次、得分及各项构成）");
        group.MapGet("/{id:long}", GetScheme).WithSummary("查看考评方案、状态和人工评分");
        group.MapGet("/{id:long}/ranking", Ranking).WithSummary("考评排名：每个单位的得分、名次和各项指标的原始值、标准化得分、权重与得分");
        group.MapPost("/{id:long}/recompute", Recompute).WithSummary("按最新数据重新计算（审核前）");
        group.MapPost("/{id:long}/manual-scores", AddManualScore).WithSummary("人工评分（督查或上级管理员；score 0–100，evidence 佐证必填）").WithIdempotency();
        group.MapPost("/{id:long}/manual-scores/with-photos", AddManualScoreWithPhotos)
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("人工评分并附现场照片（multipart：orgUnitId、score、evidence 可选、photos 最多 6 张；文字依据和照片至少一项）");
        group.MapPost("/{id:long}/review", Review).WithSummary("审核（方案制定人以外的管理员或督查）");
        group.MapPost("/{id:long}/publish", Publish).WithSummary("发布到被考评单位（审核后）");
        return api;
    }

    private static async Task<Results<Created<SchemeDto>, ProblemHttpResult>> CreateScheme(CreateSchemeRequest request, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), s => $"/api/v1/assessments/{s.Id}");

    private static async Task<Results<Ok<PageOf<SchemeDto>>, ProblemHttpResult>> ListSchemes([AsParameters] ListSchemesRequest request, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    private static async Task<Results<Ok<List<MyResultDto>>, ProblemHttpResult>> Mine(AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.MineAsync(ct));

    private static async Task<Results<Ok<SchemeDto>, ProblemHttpResult>> GetScheme(long id, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    private static async Task<Results<Ok<List<AssessmentRankingItemDto>>, ProblemHttpResult>> Ranking(long id, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RankingAsync(id, ct));

    private static async Task<Results<Ok<SchemeDto>, ProblemHttpResult>> Recompute(long id, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RecomputeAsync(id, ct));

    private static async Task<Results<Created<SchemeDto>, ProblemHttpResult>> AddManualScore(long id, ManualScoreRequest request, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.AddManualScoreAsync(id, request, ct), s => $"/api/v1/assessments/{s.Id}");

    /// <summary>The multipart form read by hand: a number that does not parse is left empty for the handler to refuse in Chinese.</summary>
    private static async Task<Results<Created<SchemeDto>, ProblemHttpResult>> AddManualScoreWithPhotos(long id, HttpRequest http, AssessmentSchemesHandler handler, CancellationToken ct)
    {
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        long? unitId = long.TryParse(form?["orgUnitId"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : null;
        decimal? score = decimal.TryParse(form?["score"], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var sc) ? sc : null;
        var uploads = form?.Files.GetFiles("photos") ?? [];
        var streams = uploads.Select(f => (f.FileName, Stream: f.OpenReadStream())).ToList();
        try
        {
            var photos = streams.Select(s => new ManualScorePhotoUpload(s.FileName, s.Stream)).ToList();
            var result = await handler.AddManualScoreAsync(id, new ManualScoreRequest(unitId, score, form?["evidence"].ToString()), photos, ct);
            return ApiResults.CreatedOr(result, s => $"/api/v1/assessments/{s.Id}");
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.Stream.DisposeAsync();
            }
        }
    }

    private static async Task<Results<Ok<SchemeDto>, ProblemHttpResult>> Review(long id, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ReviewAsync(id, ct));

    private static async Task<Results<Ok<SchemeDto>, ProblemHttpResult>> Publish(long id, AssessmentSchemesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.PublishAsync(id, ct));

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.AssessmentScheme), "Assessment.entity.AssessmentScheme").Entity(nameof(Domain.AssessmentManualScore), "Assessment.entity.AssessmentManualScore")
        .Entity(nameof(Domain.AssessmentManualScorePhoto), "Assessment.entity.AssessmentManualScorePhoto")
        .Enum<Domain.AssessmentStatus>(s => Text.Get("Assessment.status." + s));
}
