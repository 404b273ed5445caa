using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CheckIn;
using Wenming.Web.Modules.Activities.Features.FinishActivity;
using Wenming.Web.Modules.Activities.Features.GetAttendance;
using Wenming.Web.Modules.Activities.Features.GetCheckInCode;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities;

/// <summary>Attendance (check-in/out, the rotating code, start and finish): its own registrations and routes, called from ActivitiesModule.</summary>
public static class AttendanceEndpoints
{
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddScoped<CheckInKeys>();
        services.AddScoped<CheckInCodes>();
        services.AddScoped<CheckInHandler>();
        services.AddScoped<GetCheckInCodeHandler>();
        services.AddScoped<GetAttendanceHandler>();
        services.AddScoped<VolunteerNames>();
        services.AddScoped<FinishActivityHandler>();
        services.AddScoped<IDemoSeedStep, AttendanceDemo>();
        return services;
    }

    public static RouteGroupBuilder MapAttendance(this RouteGroupBuilder activities)
    {
        activities.MapPost("/{id:long}/start", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (long id, ChangeActivityStatusHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ActivityAction.Start, ct)))
            .WithSummary("开始活动（已发布 → 进行中）");

        activities.MapPost("/{id:long}/finish", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (long id, FinishActivityHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ct)))
            .WithSummary("结束活动：未签到者记为缺席，按签到签退生成待确认的服务记录（时长以活动时间为上限）");

        activities.MapPost("/{id:long}/check-ins", async Task<Results<Ok<EnrollmentDto>, ProblemHttpResult>> (
            long id, CheckInRequest request, CheckInHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.CheckInAsync(id, request, ct)))
            .WithSummary("签到：志愿者本人须提交现场二维码的 token；管理员和队长可手工签到，可指定时间 at")
            .WithIdempotency();

        activities.MapPost("/{id:long}/check-outs", async Task<Results<Ok<EnrollmentDto>, ProblemHttpResult>> (
            long id, CheckInRequest request, CheckInHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.CheckOutAsync(id, request, ct)))
            .WithSummary("签退：规则同签到，须先签到")
            .WithIdempotency();

        activities.MapGet("/{id:long}/check-in-code", async Task<Results<Ok<CheckInCodeDto>, ProblemHttpResult>> (
            long id, HttpContext http, GetCheckInCodeHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, SiteUrl.Root(http.Request), ct)))
            .WithSummary("现场签到码（每 30 秒更换）及其扫码地址，供组织者展示");

        return activities;
    }

    /// <summary>The site root as the client reached it (behind trusted proxies, the forwarded scheme and host).</summary>
}
