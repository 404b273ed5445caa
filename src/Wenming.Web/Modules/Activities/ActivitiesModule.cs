using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.AddAttachment;
using Wenming.Web.Modules.Activities.Features.ArchiveActivity;
using Wenming.Web.Modules.Activities.Features.CalendarFeed;
using Wenming.Web.Modules.Activities.Features.CancelEnrollment;
using Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;
using Wenming.Web.Modules.Activities.Features.CheckIn;
using Wenming.Web.Modules.Activities.Features.CreateActivity;
using Wenming.Web.Modules.Activities.Features.Enroll;
using Wenming.Web.Modules.Activities.Features.ExportActivities;
using Wenming.Web.Modules.Activities.Features.FinishActivity;
using Wenming.Web.Modules.Activities.Features.GetActivity;
using Wenming.Web.Modules.Activities.Features.GetArchive;
using Wenming.Web.Modules.Activities.Features.GetAttendance;
using Wenming.Web.Modules.Activities.Features.GetCheckInCode;
using Wenming.Web.Modules.Activities.Features.ListEnrollments;
using Wenming.Web.Modules.Activities.Features.ListMyActivities;
using Wenming.Web.Modules.Activities.Features.ListNearbyActivities;
using Wenming.Web.Modules.Activities.Features.MarkChecklistStep;
using Wenming.Web.Modules.Activities.Features.Reminders;
using Wenming.Web.Modules.Activities.Features.RemoveAttachment;
using Wenming.Web.Modules.Activities.Features.SearchActivities;
using Wenming.Web.Modules.Activities.Features.UpdateActivity;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities;

/// <summary>Activities and enrollment with capacity and waiting list (DESIGN §4).</summary>
public static class ActivitiesModule
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityAccess>();
        services.AddAuditTerms(AuditWords());
        services.AddScoped<Platform.Indicators.IIndicatorSource, Features.Indicators.ActivityIndicators>();
        services.AddRollupTrigger<Features.Indicators.ActivityIndicators, Domain.Activity>(Features.Indicators.ActivityIndicators.Touched);
        services.AddScoped<IActivityDirectory, ActivityDirectory>();
        services.AddScoped<CreateActivityHandler>();
        services.AddScoped<UpdateActivityHandler>();
        services.AddScoped<Features.Series.ActivitySeriesHandler>();
        services.AddScoped<SearchActivitiesHandler>();
        services.AddScoped<ExportActivitiesHandler>();
        services.AddScoped<GetActivityHandler>();
        services.AddScoped<ChangeActivityStatusHandler>();
        services.AddScoped<ListNearbyActivitiesHandler>();
        services.AddScoped<ListMyActivitiesHandler>();
        services.AddScoped<EnrollHandler>();
        services.AddScoped<ListEnrollmentsHandler>();
        services.AddScoped<CancelEnrollmentHandler>();
        services.AddScoped<IDemoSeedStep, ActivitiesDemo>();
        services.AddScoped<IDemoSeedStep, ActivitySeriesDemo>();
        services.AddScoped<IDemoSeedStep, ActivityHistoryDemo>();
        services.AddScoped<CalendarFeedHandler>();
        services.AddScoped<Contracts.ICalendarSubscription>(sp => sp.GetRequiredService<CalendarFeedHandler>());
        services.AddJob<ActivityReminderJob>();
        services.AddAttendance();
        services.AddActivityArchive();
        return services;
    }

    /// <summary>The personal iCal feed: calendar apps cannot sign in, so the secret token in the address is the credential.</summary>
    public static IEndpointRouteBuilder MapActivitiesAnonymous(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{token}.ics", CalendarFeedEndpoints.Render)
            .WithTags("activities").WithSummary("个人活动日历（iCal 订阅，地址中的令牌即凭证）").AllowAnonymous();
        return app;
    }


    public static RouteGroupBuilder MapActivities(this RouteGroupBuilder api)
    {
        var activities = api.MapGroup("/activities").WithTags("activities");

        activities.MapGet("/", SearchActivitiesEndpoints.SearchActivities)
            .WithSummary("管辖范围内的活动（按组织、时间、状态、标题筛选；已结束、已归档、已取消的按时间倒序）");

        activities.MapGet("/export", ExportActivitiesEndpoints.ExportActivities)
            .WithSummary("导出活动列表（Excel，筛选条件同列表）");

        activities.MapGet("/nearby", ListNearbyActivitiesEndpoints.ListNearbyActivities)
            .WithSummary("附近的活动：本村（社区）、本镇（街道）、本县已发布的活动，由近及远");

        activities.MapGet("/mine", ListMyActivitiesEndpoints.ListMyActivities)
            .WithSummary("我的活动：我报名的活动（past=true 为已结束的）");

        activities.MapGet("/{id:long}", GetActivityEndpoints.GetActivity)
            .WithSummary("查看活动");

        activities.MapPost("/", CreateActivityEndpoints.CreateActivity)
            .WithSummary("创建活动（草稿）");

        activities.MapPut("/{id:long}", UpdateActivityEndpoints.UpdateActivity)
            .WithSummary("修改活动（草稿和已发布的可改全部；进行中只可改标题、说明、地点；时间改动通知已报名的志愿者）");

        activities.MapPost("/{id:long}/publish", ChangeActivityStatusEndpoints.Publish)
            .WithSummary("发布活动，开放报名");

        activities.MapPost("/{id:long}/cancel", ChangeActivityStatusEndpoints.Cancel)
            .WithSummary("取消活动");

        activities.MapPost("/{id:long}/enrollments", EnrollEndpoints.Enroll)
            .WithSummary("报名（名额满后进入候补，候补也满则拒绝）")
            .WithIdempotency();

        activities.MapGet("/{id:long}/enrollments", ListEnrollmentsEndpoints.ListEnrollments)
            .WithSummary("报名名单");

        activities.MapDelete("/{id:long}/enrollments/{volunteerId:long}", CancelEnrollmentEndpoints.CancelEnrollment)
            .WithSummary("取消报名（空出的名额由候补第一位递补）");

        api.MapGet("/calendar-feed", CalendarFeedEndpoints.Get)
            .WithTags("activities").WithSummary("我的活动日历订阅地址");

        api.MapPost("/calendar-feed", CalendarFeedEndpoints.Reset)
            .WithTags("activities").WithSummary("生成（或重新生成）日历订阅地址；旧地址随即失效");

        var series = api.MapGroup("/activity-series").WithTags("activities");
        series.MapPost("/", Features.Series.ActivitySeriesEndpoints.Create)
            .WithSummary("创建周期活动：活动字段加 recurrence {frequency: Weekly/Monthly, interval?, daysOfWeek?（1–7）, until}，按规则生成普通活动（最多 52 次，超出 400，一次也不创建）；publish=true 同时发布；venueId 为每次活动预约该场馆（全部成功或一次也不创建，冲突 409 booking.overlap 并列出日期）");
        series.MapGet("/{id:long}", Features.Series.ActivitySeriesEndpoints.Get)
            .WithSummary("查看周期活动及其各次活动");
        series.MapPost("/{id:long}/following", Features.Series.ActivitySeriesEndpoints.EditFollowing)
            .WithSummary("修改此次及以后：from（日期）起尚未开始的各次活动改标题、地点、时间（HH:mm）、名额");
        series.MapPost("/{id:long}/cancel", Features.Series.ActivitySeriesEndpoints.CancelFollowing)
            .WithSummary("取消此次及以后：from（日期）起的草稿和已发布的各次活动");

        activities.MapAttendance();
        activities.MapActivityArchive();
        return api;
    }

    /// <summary>The flow checklist, attachments and archiving (DESIGN §4, issue 3).</summary>
    private static IServiceCollection AddActivityArchive(this IServiceCollection services)
    {
        services.AddScoped<ActivityArchiveEditor>();
        services.AddScoped<GetArchiveHandler>();
        services.AddScoped<MarkChecklistStepHandler>();
        services.AddScoped<AddAttachmentHandler>();
        services.AddScoped<RemoveAttachmentHandler>();
        services.AddScoped<ArchiveActivityHandler>();
        services.AddScoped<IDemoSeedStep, ActivityArchiveDemo>();
        return services;
    }

    private static void MapActivityArchive(this RouteGroupBuilder activities)
    {
        activities.MapGet("/{id:long}/archive", GetArchiveEndpoints.GetArchive)
            .WithSummary("活动档案：标准流程六个环节、附件（照片、签到表）、档案是否完整");

        activities.MapPost("/{id:long}/checklist/{step}", MarkChecklistStepEndpoints.MarkChecklistStep)
            .WithSummary("勾选或取消标准流程的一个环节（唱响爱国歌曲、志愿宣誓、诵读金句、开展活动、群众评单、资料留存）");

        // Passed as a Delegate so that the request delegate generator leaves it to the runtime binder (ADR 0073): the
        // generated metadata drops the names of [FromForm] text fields from the OpenAPI document (kind, caption).
        Delegate addAttachment = AddAttachmentEndpoints.AddAttachment;
#pragma warning disable RDG002 // on purpose: built at run time, see above
        activities.MapPost("/{id:long}/attachments", addAttachment)
#pragma warning restore RDG002
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传活动附件（multipart：file、kind = Photo / SignInSheet / Other、caption）");

        activities.MapDelete("/{id:long}/attachments/{attachmentId:long}", RemoveAttachmentEndpoints.RemoveAttachment)
            .WithSummary("删除活动附件（归档后不可删除）");

        activities.MapPost("/{id:long}/archive", ArchiveActivityEndpoints.ArchiveActivity)
            .WithSummary("归档：已结束且档案完整的活动（否则 409 activity.archive_incomplete，并说明缺少的内容）");
    }

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Activity), "Activities.entity.Activity").Entity(nameof(Enrollment), "Activities.entity.Enrollment")
        .Entity(nameof(ActivityAttachment), "Activities.entity.ActivityAttachment").Entity(nameof(ChecklistEntry), "Activities.entity.ChecklistEntry")
        .Entity(nameof(CalendarFeed), "Activities.entity.CalendarFeed").Entity(nameof(ActivitySeries), "Activities.entity.ActivitySeries")
        .Field("Activity.Title", "field.activityTitle").Field("Activity.Description", "field.activityDescription").Field("Category", "field.activityCategory")
        .Field("ArchiveComplete", "Activities.prop.ArchiveComplete").Field("EnrolledCount", "Activities.prop.EnrolledCount")
        .Field("WaitlistCapacity", "Activities.prop.WaitlistCapacity").Field("WaitlistCount", "Activities.prop.WaitlistCount").Field("WaitlistIssued", "Activities.prop.WaitlistIssued")
        .Enum<ActivityStatus>(s => Text.Get("activity.status." + s)).Enum<ActivityCategory>(c => Text.Get("activity.category." + c))
        .Enum<CheckInMethod>(m => m == CheckInMethod.Qr ? Text.Get("Activities.method.Qr") : Text.Get("Activities.method.Manual"))
        .Enum<AttachmentKind>(k => Text.Get("Archive.kind." + k)).Enum<ChecklistStep>(s => Text.Get("Archive.step." + s))
        .Enum<EnrollmentStatus>(s => s == EnrollmentStatus.Enrolled ? Text.Get("Activities.enrollment.Enrolled") : Text.Get("Activities.enrollment.Waitlisted"));
}
