using Wenming.Web.Modules.Training.Features;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Training;

/// <summary>Volunteer training (志愿服务培训, DESIGN §4): courses, sessions, sign-up, attendance and training hours (ADR 0059).</summary>
public static class TrainingModule
{
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddAuditTerms(new AuditTerms()
            .Entity(nameof(Domain.Course), "Training.entity.Course").Entity(nameof(Domain.TrainingSession), "Training.entity.TrainingSession")
            .Entity(nameof(Domain.TrainingEnrollment), "Training.entity.TrainingEnrollment").Entity(nameof(Domain.CourseRequirement), "Training.entity.CourseRequirement"));
        services.AddScoped<SessionsHandler>();
        services.AddScoped<CoursesHandler>();
        services.AddScoped<Contracts.ITrainingRecords, TrainingRecords>();
        services.AddScoped<IDemoSeedStep, TrainingDemo>();
        return services;
    }

    public static RouteGroupBuilder MapTraining(this RouteGroupBuilder api)
    {
        var trainings = api.MapGroup("/trainings").WithTags("trainings");
        trainings.MapPost("/", TrainingEndpoints.Create)
            .WithSummary("举办培训场次（本单位或下级单位）：orgUnitId、title、startsAt、hours、trainer，可选 courseId、place、capacity（默认 50）")
            .WithIdempotency();
        trainings.MapGet("/", TrainingEndpoints.List).WithSummary("本县的培训场次（upcoming=true：尚未开始的，最近的在前）");
        trainings.MapGet("/mine", TrainingEndpoints.Mine).WithSummary("我的培训：报名的场次和培训时长（只计已出勤的场次，与服务时长分开）");
        trainings.MapGet("/{id:long}", TrainingEndpoints.Get).WithSummary("查看培训场次");
        trainings.MapGet("/{id:long}/attendees", TrainingEndpoints.Trainees).WithSummary("报名名单和出勤（举办单位及上级单位的管理员）");
        trainings.MapPost("/{id:long}/attendees", TrainingEndpoints.Enroll)
            .WithSummary("报名：志愿者本人，或管理员为志愿者报名；已报名 409 training.already_enrolled，名额已满 409 training.full");
        trainings.MapDelete("/{id:long}/attendees/{volunteerId:long}", TrainingEndpoints.Withdraw).WithSummary("开始前取消报名（本人或举办方）");
        trainings.MapPost("/{id:long}/attendance", TrainingEndpoints.Attendance)
            .WithSummary("登记出勤：volunteerIds 为出勤的志愿者，其余报名者记为缺勤；培训开始后才能登记");

        var courses = api.MapGroup("/training-courses").WithTags("trainings");
        courses.MapPost("/", TrainingEndpoints.CreateCourse).WithSummary("新增培训课程（本县通用）");
        courses.MapGet("/", TrainingEndpoints.Courses).WithSummary("本县的培训课程");
        courses.MapGet("/requirements", TrainingEndpoints.Requirements).WithSummary("各队伍类别须先完成的培训课程");
        courses.MapPut("/requirements", TrainingEndpoints.SetRequirement)
            .WithSummary("县中心设置某队伍类别须先完成的课程（courseId 为空则取消）：未出勤该课程的志愿者不能报名该类队伍的活动");
        return api;
    }
}
