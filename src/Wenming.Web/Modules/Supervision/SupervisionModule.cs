using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Supervision.Features.OrderItems;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Platform.Audit;
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
        tasks.MapPost("/{id:long}/urge", UrgeTask).WithSummary("催办（上级单位或督查；通知承办单位管理员并计次）").WithIdempotency();
        tasks.MapPost("/{id:long}/comments", CommentTask).WithSummary("批示、评论（上级单位或督查，note 必填）").WithIdempotency();
        return api;
    }

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
        .Enum<Domain.SupervisionStatus>(s => Text.Get("Supervision.status." + s)).Enum<Domain.SupervisionLight>(l => Text.Get("Supervision.light." + l))
        .Enum<Domain.SupervisionSource>(s => Text.Get("Supervision.source." + s)).Enum<Domain.SupervisionEntryKind>(k => Text.Get("Supervision.entry." + k));
}
