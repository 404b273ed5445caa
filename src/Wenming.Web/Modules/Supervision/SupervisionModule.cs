using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Supervision.Features.OrderItems;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Supervision;

/// <summary>Supervision (DESIGN §8): 督办 tasks with their lights, urges and comments, and overdue orders raised as items (issue 13).</summary>
public static class SupervisionModule
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<SupervisionTasksHandler>();
        services.AddScoped<Contracts.ISupervisionTaskAssigner>(sp => sp.GetRequiredService<SupervisionTasksHandler>());
        services.AddScoped<InfoReportsHandler>();
        services.AddScoped<ReportCategoriesHandler>();
        services.AddScoped<IDemoSeedStep, InfoReportsDemo>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, InfoReportIndicators>();
        services.AddJob<OverdueOrderItemsJob>();
        services.AddScoped<IDemoSeedStep, SupervisionDemo>();
        return services;
    }

    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/supervision/tasks").WithTags("supervision");
        tasks.MapPost("", AssignTask).WithSummary("交办督办任务（县中心、镇所对下级单位；dueAt 为截止时间）").WithIdempotency();
        tasks.MapGet("", ListTasks).WithSummary("管辖范围内的督办任务（orgUnitId 含下级；light=Green/Blue/Yellow/Red；mine=true 为交给本单位的）");
        tasks.MapGet("/{id:long}", GetTask).WithSummary("查看督办任务及其进展、催办、批示记录");
        tasks.MapPost("/{id:long}/progress", ReportProgress).WithSummary("承办单位报告进展（percent 0–100，note 必填）").WithIdempotency();
        tasks.MapPost("/{id:long}/complete", CompleteTask).WithSummary("承办单位办结").WithIdempotency();
        tasks.MapPost("/{id:long}/first-handler", async Task<Results<Ok<TaskDto>, ProblemHttpResult>> (long id, SupervisionTasksHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ClaimAsync(id, ct))).WithSummary("认领首办（交给部门的任务由部门管理员认领，先认领者为首办人）");
        tasks.MapPost("/{id:long}/urge", UrgeTask).WithSummary("催办（上级单位或督查；通知承办单位管理员并计次）").WithIdempotency();
        tasks.MapPost("/{id:long}/comments", CommentTask).WithSummary("批示、评论（上级单位或督查，note 必填）").WithIdempotency();

        var reports = api.MapGroup("/info-reports").WithTags("supervision");
        reports.MapPost("", CreateReport).WithSummary("信息报送（乡镇、村站向上级报送；category 为必报类别，urgent 紧急信息须 1 小时内签收、24 小时内续报）").WithIdempotency();
        reports.MapGet("", ListReports).WithSummary("管辖范围内的报送信息（box=in 下级报来的，box=out 本单位报出的；light、category、urgent、month=yyyy-MM）");
        reports.MapGet("/ledger", Ledger).WithSummary("报送台账：按单位统计某月报送、紧急、签收、按时、红灯条数（month=yyyy-MM，默认本月）");
        reports.MapGet("/export", ExportReports).WithSummary("导出某月报送信息 Excel（month=yyyy-MM，orgUnitId 含下级）");
        reports.MapGet("/{id:long}", GetReport).WithSummary("查看报送信息、签收、续报和附件");
        reports.MapPost("/{id:long}/read", ReadReport).WithSummary("签收（接收单位管理员；第一次签收为准，回执）");
        reports.MapPost("/{id:long}/follow-up", FollowUpReport).WithSummary("续报（报送单位管理员，body 必填）").WithIdempotency();
        reports.MapPost("/{id:long}/files", async Task<Results<Created<InfoReportDto>, ProblemHttpResult>> (long id, IFormFile? file, InfoReportsHandler handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            return ApiResults.CreatedOr(await handler.AttachAsync(id, new InfoReportUpload(file?.FileName, content), ct), r => $"/api/v1/info-reports/{r.Id}");
        })
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传附件（multipart：file；照片或 PDF，每条最多 6 个，报送单位）");

        var categories = api.MapGroup("/info-report-categories").WithTags("supervision");
        categories.MapGet("", ListCategories).WithSummary("本县的必报信息类别（按顺序；includeRetired=true 含已停用的）");
        categories.MapPost("", CreateCategory).WithSummary("新增必报信息类别（县中心管理员；name 必填，sortOrder 1–999 可选）").WithIdempotency();
        categories.MapPut("/{id:long}", UpdateCategory).WithSummary("修改必报信息类别（县中心管理员；改名、排序 sortOrder、停用 retired=true 或恢复；不能删除，旧信息保留原类别）");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ReportCategoryDto>>, ProblemHttpResult>> ListCategories(bool? includeRetired, ReportCategoriesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(includeRetired ?? false, ct));

    private static async Task<Results<Created<ReportCategoryDto>, ProblemHttpResult>> CreateCategory(CreateReportCategoryRequest request, ReportCategoriesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), c => $"/api/v1/info-report-categories/{c.Id}");

    private static async Task<Results<Ok<ReportCategoryDto>, ProblemHttpResult>> UpdateCategory(long id, UpdateReportCategoryRequest request, ReportCategoriesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.UpdateAsync(id, request, ct));

    private static async Task<Results<Created<InfoReportDto>, ProblemHttpResult>> CreateReport(CreateInfoReportRequest request, InfoReportsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, [], ct), r => $"/api/v1/info-reports/{r.Id}");

    private static async Task<Results<Ok<PageOf<InfoReportDto>>, ProblemHttpResult>> ListReports([AsParameters] ListInfoReportsRequest request, InfoReportsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    private static async Task<Results<Ok<IReadOnlyList<InfoReportLedgerRow>>, ProblemHttpResult>> Ledger(long? orgUnitId, string? month, InfoReportsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.LedgerAsync(orgUnitId, month, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportReports(long? orgUnitId, string? month, InfoReportsHandler handler, CancellationToken ct) =>
        ExcelExport.FileOr(await handler.ExportAsync(orgUnitId, month, ct));

    private static async Task<Results<Ok<InfoReportDto>, ProblemHttpResult>> GetReport(long id, InfoReportsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    private static async Task<Results<Ok<InfoReportDto>, ProblemHttpResult>> ReadReport(long id, InfoReportsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ReadAsync(id, ct));

    private static async Task<Results<Ok<InfoReportDto>, ProblemHttpResult>> FollowUpReport(long id, InfoReportFollowUpRequest request, InfoReportsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.FollowUpAsync(id, request, ct));

    private static async Task<Results<Created<TaskDto>, ProblemHttpResult>> AssignTask(AssignTaskRequest request, SupervisionTasksHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.AssignAsync(request, ct), t => $"/api/v1/supervision/tasks/{t.Id}");

    private static async Task<Results<Ok<PageOf<TaskDto>>, ProblemHttpResult>> ListTasks([AsParameters] ListTasksRequest request, SupervisionTasksHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetTask(long id, SupervisionTasksHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> ReportProgress(long id, TaskNoteRequest request, SupervisionTasksHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ProgressAsync(id, request, ct));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> CompleteTask(long id, TaskNoteRequest request, SupervisionTasksHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.CompleteAsync(id, request, ct));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> UrgeTask(long id, TaskNoteRequest request, SupervisionTasksHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.UrgeAsync(id, request, ct));

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> CommentTask(long id, TaskNoteRequest request, SupervisionTasksHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.CommentAsync(id, request, ct));

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.SupervisionTask), "Supervision.entity.SupervisionTask").Entity(nameof(Domain.SupervisionEntry), "Supervision.entity.SupervisionEntry")
        .Entity(nameof(Domain.ReportCategory), "Supervision.entity.ReportCategory")
        .Enum<Domain.SupervisionStatus>(s => Text.Get("Supervision.status." + s)).Enum<Domain.SupervisionLight>(l => Text.Get("Supervision.light." + l))
        .Enum<Domain.SupervisionSource>(s => Text.Get("Supervision.source." + s)).Enum<Domain.SupervisionEntryKind>(k => Text.Get("Supervision.entry." + k));
}
