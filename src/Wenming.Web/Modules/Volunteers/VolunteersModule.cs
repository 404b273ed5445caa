using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Volunteers.Features;
using Wenming.Web.Modules.Volunteers.Features.AddTeamMember;
using Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;
using Wenming.Web.Modules.Volunteers.Features.CreateTeam;
using Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;
using Wenming.Web.Modules.Volunteers.Features.ExportServiceRecords;
using Wenming.Web.Modules.Volunteers.Features.ExportVolunteers;
using Wenming.Web.Modules.Volunteers.Features.GetTeam;
using Wenming.Web.Modules.Volunteers.Features.GetVolunteer;
using Wenming.Web.Modules.Volunteers.Features.ImportVolunteers;
using Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;
using Wenming.Web.Modules.Volunteers.Features.ListTeamMembers;
using Wenming.Web.Modules.Volunteers.Features.RecordServiceHours;
using Wenming.Web.Modules.Volunteers.Features.RegisterVolunteer;
using Wenming.Web.Modules.Volunteers.Features.RejectVolunteer;
using Wenming.Web.Modules.Volunteers.Features.RemoveTeamMember;
using Wenming.Web.Modules.Volunteers.Features.ReverseServiceRecord;
using Wenming.Web.Modules.Volunteers.Features.SearchTeams;
using Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers;

/// <summary>Volunteer registration and approval, and volunteer teams (DESIGN §4).</summary>
public static class VolunteersModule
{
    public static IServiceCollection AddVolunteers(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<RegisterVolunteerHandler>();
        services.AddScoped<Platform.Indicators.IIndicatorSource, Features.Indicators.VolunteerIndicators>();
        services.AddRollupTrigger<Features.Indicators.VolunteerIndicators, Domain.ServiceRecord>(Features.Indicators.VolunteerIndicators.Touched);
        services.AddRollupTrigger<Features.Indicators.VolunteerIndicators, Domain.Volunteer>(Features.Indicators.VolunteerIndicators.Touched);
        services.AddRollupTrigger<Features.Indicators.VolunteerIndicators, Domain.Team>(Features.Indicators.VolunteerIndicators.Touched);
        services.AddScoped<ApproveVolunteerHandler>();
        services.AddScoped<ApproveVolunteersHandler>();
        services.AddScoped<RejectVolunteerHandler>();
        services.AddScoped<GetVolunteerHandler>();
        services.AddScoped<SearchVolunteersHandler>();
        services.AddScoped<CreateTeamHandler>();
        services.AddScoped<AddTeamMemberHandler>();
        services.AddScoped<RemoveTeamMemberHandler>();
        services.AddScoped<GetTeamHandler>();
        services.AddScoped<SearchTeamsHandler>();
        services.AddScoped<ListTeamMembersHandler>();
        services.AddScoped<RecordServiceHoursHandler>();
        services.AddScoped<DecideServiceRecordHandler>();
        services.AddScoped<ConfirmServiceRecordsHandler>();
        services.AddScoped<ReverseServiceRecordHandler>();
        services.AddScoped<ListServiceRecordsHandler>();
        services.AddScoped<ServiceRecordVolunteerNamesHandler>();
        services.AddScoped<ImportVolunteersHandler>();
        services.AddScoped<VolunteerImportTemplateHandler>();
        services.AddScoped<ExportVolunteersHandler>();
        services.AddScoped<ExportServiceRecordsHandler>();
        services.AddScoped<Contracts.IServiceRecords, ServiceRecordsService>();
        services.AddScoped<IDemoSeedStep, ServiceRecordsDemo>();
        services.AddScoped<IDemoSeedStep, ServiceHistoryDemo>();
        services.AddScoped<IDemoSeedStep, VolunteersDemo>();
        services.AddScoped<Contracts.IVolunteerDirectory, Contracts.VolunteerDirectory>();
        services.AddScoped<People.Contracts.IPersonDataEraser, Features.Privacy.VolunteersPersonData>();
        services.AddScoped<People.Contracts.IPersonActivity, Features.Privacy.VolunteersPersonData>();
        services.AddCertificates();
        return services;
    }

    public static RouteGroupBuilder MapVolunteers(this RouteGroupBuilder api)
    {
        var volunteers = api.MapGroup("/volunteers").WithTags("volunteers");

        volunteers.MapGet("/", SearchVolunteersEndpoints.SearchVolunteers)
            .WithSummary("按状态、组织、姓名或志愿者编号查找志愿者");

        volunteers.MapGet("/export", ExportVolunteersEndpoints.ExportVolunteers)
            .WithSummary("导出志愿者名单（Excel，筛选条件同列表，身份证号脱敏）");

        volunteers.MapGet("/import-template", Results<FileContentHttpResult, ProblemHttpResult> (VolunteerImportTemplateHandler handler) =>
            ExcelExport.FileOr(handler.Handle()))
            .WithSummary("下载志愿者导入模板（Excel）");

        volunteers.MapPost("/imports", ImportVolunteersEndpoints.ImportVolunteers)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportVolunteersHandler.MaxRequestBytes))
            .WithSummary("从 Excel 批量导入志愿者（逐行报告错误；正确的行一次性导入并审核通过）");

        volunteers.MapGet("/{id:long}", GetVolunteerEndpoints.GetVolunteer)
            .WithSummary("查看志愿者（本人或管辖范围内）");

        volunteers.MapPost("/", RegisterVolunteerEndpoints.RegisterVolunteer)
            .WithSummary("志愿者注册申请（14–17 周岁须监护人同意）")
            .WithIdempotency();

        volunteers.MapPost("/{id:long}/approve", ApproveVolunteerEndpoints.ApproveVolunteer)
            .WithSummary("审核通过并发放志愿者编号");

        volunteers.MapPost("/approve-batch", async Task<Results<Ok<BatchOutcome>, ProblemHttpResult>> (ApproveVolunteersRequest request, ApproveVolunteersHandler handler, CancellationToken ct) =>
                ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("批量审核通过（ids，至多 200 个）：逐个发放编号，已处理的跳过；返回 {done, skipped}");

        volunteers.MapPost("/{id:long}/reject", RejectVolunteerEndpoints.RejectVolunteer)
            .WithSummary("驳回注册申请（须填写原因）");

        volunteers.MapGet("/{id:long}/service-records", ListServiceRecordsEndpoints.ForVolunteer)
            .WithSummary("志愿者的服务记录（按服务日期筛选）");

        volunteers.MapPost("/{id:long}/service-records", RecordServiceHoursEndpoints.RecordServiceHours)
            .WithSummary("登记服务时长（管理员、队长或志愿者本人；待确认）")
            .WithIdempotency();

        var records = api.MapGroup("/service-records").WithTags("service-records");

        records.MapGet("/", ListServiceRecordsEndpoints.Report)
            .WithSummary("服务时长统计：按组织、状态和日期范围");

        records.MapGet("/export", ExportServiceRecordsEndpoints.ExportServiceRecords)
            .WithSummary("导出服务记录（Excel，筛选条件同服务时长统计）");

        records.MapPost("/{id:long}/confirm", DecideServiceRecordEndpoints.Confirm)
            .WithSummary("确认服务记录（确认后不可修改）");

        records.MapPost("/confirm-batch", async Task<Results<Ok<BatchOutcome>, ProblemHttpResult>> (ConfirmServiceRecordsRequest request, ConfirmServiceRecordsHandler handler, CancellationToken ct) =>
                ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("全部确认：一个活动待确认的服务记录（activityId）或所列记录（ids），至多 500 条；返回 {done, skipped}");

        records.MapPost("/{id:long}/reject", DecideServiceRecordEndpoints.Reject)
            .WithSummary("驳回待确认的服务记录（须填写原因）");

        records.MapPost("/{id:long}/reverse", ReverseServiceRecordEndpoints.ReverseServiceRecord)
            .WithSummary("冲正已确认的服务记录（生成负时长记录，须填写原因）");

        api.MapCertificates();

        var teams = api.MapGroup("/teams").WithTags("teams");

        teams.MapGet("/", SearchTeamsEndpoints.SearchTeams)
            .WithSummary("志愿服务队列表");

        teams.MapGet("/{id:long}", GetTeamEndpoints.GetTeam)
            .WithSummary("查看志愿服务队");

        teams.MapPost("/", CreateTeamEndpoints.CreateTeam)
            .WithSummary("组建志愿服务队");

        teams.MapGet("/{id:long}/members", ListTeamMembersEndpoints.ListTeamMembers)
            .WithSummary("队员列表");

        teams.MapPost("/{id:long}/members", AddTeamMemberEndpoints.AddTeamMember)
            .WithSummary("添加队员（须为已审核通过的志愿者）");

        teams.MapDelete("/{id:long}/members/{volunteerId:long}", RemoveTeamMemberEndpoints.RemoveTeamMember)
            .WithSummary("移出队员");

        return api;
    }

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.Volunteer), "Volunteers.entity.Volunteer").Entity(nameof(Domain.Team), "Volunteers.entity.Team")
        .Entity(nameof(Domain.TeamMember), "Volunteers.entity.TeamMember").Entity(nameof(Domain.ServiceRecord), "Volunteers.entity.ServiceRecord")
        .Entity(nameof(Domain.Certificate), "Volunteers.entity.Certificate")
        .Enum<Domain.VolunteerStatus>(s => Text.Get("volunteer.status." + s)).Enum<Domain.ServiceRecordStatus>(s => Text.Get("service_record.status." + s))
        .Enum<Contracts.TeamCategory>(c => Text.Get("team.category." + c))
        .Enum<Domain.ServiceSourceKind>(k => k switch
        {
            Domain.ServiceSourceKind.Activity => Text.Get("Volunteers.source_kind.Activity"),
            Domain.ServiceSourceKind.Order => Text.Get("Volunteers.source_kind.Order"),
            _ => Text.Get("Volunteers.source_kind.Manual"),
        });
}
