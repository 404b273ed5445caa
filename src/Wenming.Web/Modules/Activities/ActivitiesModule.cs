using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.CancelEnrollment;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Activities.Features.Enroll;
using Wenming.Web.Modules.Activities.Features.ExportActivities;
using Wenming.Web.Modules.Activities.Features.GetActivity;
using Wenming.Web.Modules.Activities.Features.ListEnrollments;
using Wenming.Web.Modules.Activities.Features.ListNearbyActivities;
using Wenming.Web.Modules.Activities.Features.SearchActivities;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities;

/// <summary>Activities and enrollment with capacity and waiting list (DESIGN §4).</summary>
public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityAccess>();
        services.AddScoped<CreateActivityHandler>();
        services.AddScoped<SearchActivitiesHandler>();
        services.AddScoped<ExportActivitiesHandler>();
        services.AddScoped<GetActivityHandler>();
        services.AddScoped<ChangeActivityStatusHandler>();
        services.AddScoped<ListNearbyActivitiesHandler>();
        services.AddScoped<EnrollHandler>();
        services.AddScoped<ListEnrollmentsHandler>();
        services.AddScoped<CancelEnrollmentHandler>();
        services.AddScoped<IDemoSeedStep, ActivitiesDemo>();
        return services;
    }

    public static RouteGroupBuilder MapActivities(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("activities");

        activities.MapGet("/", async Task<Results<Ok<PageOf<ActivityDto>>, ProblemHttpResult>> (
            [AsParameters] SearchActivitiesRequest request, SearchActivitiesHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("管辖范围内的活动（按组织、时间、状态筛选）");

        activities.MapGet("/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            [AsParameters] SearchActivitiesRequest request, ExportActivitiesHandler handler, CancellationToken ct) =>
            ExcelExport.FileOr(await handler.HandleAsync(request, ct)))
            .WithSummary("导出活动列表（Excel，筛选条件同列表）");

        activities.MapGet("/nearby", async Task<Results<Ok<PageOf<NearbyActivityDto>>, ProblemHttpResult>> (
            [AsParameters] PageRequest request, ListNearbyActivitiesHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("附近的活动：本村（社区）、本镇（街道）、本县已发布的活动，由近及远");

        activities.MapGet("/{id:long}", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (long id, GetActivityHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ct)))
            .WithSummary("查看活动");

        activities.MapPost("/", async Task<Results<Created<ActivityDto>, ProblemHttpResult>> (CreateActivityRequest request, CreateActivityHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(request, ct), a => $"/api/v1/activities/{a.Id}"))
            .WithSummary("创建活动（草稿）");

        activities.MapPost("/{id:long}/publish", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (long id, ChangeActivityStatusHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ActivityAction.Publish, ct)))
            .WithSummary("发布活动，开放报名");

        activities.MapPost("/{id:long}/cancel", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (long id, ChangeActivityStatusHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ActivityAction.Cancel, ct)))
            .WithSummary("取消活动");

        activities.MapPost("/{id:long}/enrollments", async Task<Results<Created<EnrollmentDto>, ProblemHttpResult>> (
            long id, EnrollRequest request, EnrollHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(id, request, ct), e => $"/api/v1/activities/{id}/enrollments/{e.VolunteerId}"))
            .WithSummary("报名（名额满后进入候补，候补也满则拒绝）");

        activities.MapGet("/{id:long}/enrollments", async Task<Results<Ok<IReadOnlyList<EnrollmentDto>>, ProblemHttpResult>> (
            long id, ListEnrollmentsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ct)))
            .WithSummary("报名名单");

        activities.MapDelete("/{id:long}/enrollments/{volunteerId:long}", async Task<Results<NoContent, ProblemHttpResult>> (
            long id, long volunteerId, CancelEnrollmentHandler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, volunteerId, ct);
            return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
        })
            .WithSummary("取消报名（空出的名额由候补第一位递补）");

        return api;
    }
}
