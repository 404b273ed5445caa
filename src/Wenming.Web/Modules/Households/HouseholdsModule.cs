using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Contracts;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Modules.Households.Features.Import;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Modules.Households;

/// <summary>Households and 十必联 (DESIGN §9, issue 15): households with members, tags and a contact person (1+10); events with due times and visits.</summary>
public static class HouseholdsModule
{
    public static IServiceCollection AddHouseholds(this IServiceCollection services)
    {
        services.AddScoped<HouseholdsHandler>();
        services.AddScoped<HouseholdEventsHandler>();
        services.AddScoped<MonthlyVisits>();
        services.AddScoped<ImportHouseholdsHandler>();
        services.AddScoped<HouseholdImportTemplateHandler>();
        services.AddScoped<IHouseholdDirectory, HouseholdDirectory>();
        services.AddJob<MonthlyVisitsJob>();
        services.AddScoped<IDemoSeedStep, HouseholdsDemo>();
        return services;
    }

    public static RouteGroupBuilder MapHouseholds(this RouteGroupBuilder api)
    {
        var households = api.MapGroup("/households").WithTags("households");
        households.MapPost("", CreateHousehold).WithSummary("建立家庭户（村站管理员；户主与成员为平台人员，一人只属一户；tags 为 EmptyNestElder/LeftBehindChild/Hardship/SubsistenceAllowance/Disability）").WithIdempotency();
        households.MapGet("", ListHouseholds).WithSummary("管辖范围内的家庭户（orgUnitId 含下级；tag 仅管理员可用；q 按地址或户主姓名）");
        households.MapGet("/export", ExportHouseholds).WithSummary("导出家庭户（Excel，含敏感标签：仅管理员，每次导出记入操作日志）");
        households.MapGet("/import-template", Results<FileContentHttpResult, ProblemHttpResult> (HouseholdImportTemplateHandler handler) => ExcelExport.FileOr(handler.Handle()))
            .WithSummary("下载家庭户导入模板（Excel）");
        households.MapPost("/import", ImportHouseholds)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportHouseholdsHandler.MaxRequestBytes))
            .WithSummary("从 Excel 导入家庭户（multipart：file；人员须已在平台登记，按身份证号对应；逐行报告错误，每行要么全部导入要么不导入）");
        households.MapGet("/mine", MyHousehold).WithSummary("我的家庭：本人所在的户、成员");
        households.MapGet("/contacted", ContactedHouseholds).WithSummary("我联系的家庭户（1+10 联系人）");
        households.MapGet("/overview", Overview).WithSummary("各村家庭户、联系人、十必联事件（未走访、逾期）概况");
        households.MapGet("/{id:long}", GetHousehold).WithSummary("查看家庭户（敏感标签仅管理员、联系人和本户成员可见）");
        households.MapPut("/{id:long}", UpdateHousehold).WithSummary("修改地址、户主（须为本户成员）、标签");
        households.MapPut("/{id:long}/contact-person", AssignContact).WithSummary("指定联系人（本村党员）");
        households.MapPost("/{id:long}/members", AddMember).WithSummary("把一人迁入本户（从原户迁出；户主须先移交）").WithIdempotency();
        households.MapDelete("/{id:long}/members/{personId:long}", RemoveMember).WithSummary("把一人迁出本户（户主不可迁出）");
        households.MapPost("/{id:long}/events", LogEvent).WithSummary("登记十必联事件（kind 见枚举；按 RULES.md 计算走访期限 dueAt）").WithIdempotency();

        var events = api.MapGroup("/household-events").WithTags("households");
        events.MapGet("", ListEvents).WithSummary("十必联事件（orgUnitId 含下级；overdue=true 为逾期未走访；联系人只见所联系的户）");
        events.MapGet("/{id:long}", GetEvent).WithSummary("查看事件及走访记录");
        events.MapPost("/{id:long}/visits", LogVisit)
            .Accepts<LogVisitRequest>("application/json", "multipart/form-data")
            .Produces<HouseholdEventDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("登记走访（visitedAt、note 必填）：JSON，或 multipart（visitedAt、note 与最多 6 张照片 photos，仅图片）")
            .WithIdempotency();
        events.MapGet("/{id:long}/photos/{photoId:long}", OpenVisitPhoto).WithSummary("下载走访照片（能查看该事件的人）");
        return api;
    }

    private static async Task<Results<Created<HouseholdDto>, ProblemHttpResult>> CreateHousehold(CreateHouseholdRequest request, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), h => $"/api/v1/households/{h.Id}");

    private static async Task<Results<Ok<PageOf<HouseholdDto>>, ProblemHttpResult>> ListHouseholds([AsParameters] ListHouseholdsRequest request, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportHouseholds([AsParameters] ListHouseholdsRequest request, HouseholdsHandler handler, CancellationToken ct) =>
        ExcelExport.FileOr(await handler.ExportAsync(request, ct));

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> MyHousehold(HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.MineAsync(ct));

    private static async Task<Results<Ok<IReadOnlyList<HouseholdDto>>, ProblemHttpResult>> ContactedHouseholds(HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ContactedAsync(ct));

    private static async Task<Results<Ok<IReadOnlyList<VillageOverviewDto>>, ProblemHttpResult>> Overview(long? orgUnitId, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.OverviewAsync(orgUnitId, ct));

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> GetHousehold(long id, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> UpdateHousehold(long id, UpdateHouseholdRequest request, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.UpdateAsync(id, request, ct));

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> AssignContact(long id, PersonRequest request, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.AssignContactAsync(id, request, ct));

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> AddMember(long id, PersonRequest request, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.AddMemberAsync(id, request, ct));

    private static async Task<Results<Ok<HouseholdDto>, ProblemHttpResult>> RemoveMember(long id, long personId, HouseholdsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RemoveMemberAsync(id, personId, ct));

    private static async Task<Results<Created<HouseholdEventDto>, ProblemHttpResult>> LogEvent(long id, LogEventRequest request, HouseholdEventsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.LogAsync(id, request, ct), e => $"/api/v1/household-events/{e.Id}");

    private static async Task<Results<Ok<PageOf<HouseholdEventDto>>, ProblemHttpResult>> ListEvents([AsParameters] ListEventsRequest request, HouseholdEventsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(request, ct));

    private static async Task<Results<Ok<HouseholdEventDto>, ProblemHttpResult>> GetEvent(long id, HouseholdEventsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    private static async Task<Results<Ok<ImportHouseholdsResult>, ProblemHttpResult>> ImportHouseholds(IFormFile? file, ImportHouseholdsHandler handler, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        return ApiResults.OkOr(await handler.HandleAsync(stream, file?.Length ?? 0, ct));
    }

    /// <summary>
    /// A visit as API.md's JSON <c>{visitedAt, note}</c>, or as a phone's form with photos (issue 15): one route, read by
    /// content type, so clients of the JSON form keep working. Malformed bodies fail like every other route's.
    /// </summary>
    private static async Task<IResult> LogVisit(long id, HttpRequest http, HouseholdEventsHandler handler, CancellationToken ct)
    {
        if (!http.HasFormContentType)
        {
            if (!http.HasJsonContentType())
            {
                return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            }

            LogVisitRequest? request;
            try
            {
                request = await http.ReadFromJsonAsync<LogVisitRequest>(ct);
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException("Malformed visit.", StatusCodes.Status400BadRequest, e);
            }

            return ApiResults.OkOr(await handler.VisitAsync(id, request ?? new LogVisitRequest(null, null), ct)).Result;
        }

        var form = await http.ReadFormAsync(ct);
        DateTimeOffset? visitedAt = null;
        if (form["visitedAt"].ToString() is { Length: > 0 } at)
        {
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return ApiResults.Problem(Error.Field("visitedAt", "validation.field_malformed"));
            }

            visitedAt = parsed;
        }

        var streams = form.Files.GetFiles("photos").Select(f => (f.FileName, Stream: f.OpenReadStream())).ToList();
        try
        {
            var photos = streams.Select(s => new VisitPhotoUpload(s.FileName, s.Stream)).ToList();
            return ApiResults.OkOr(await handler.VisitAsync(id, new LogVisitRequest(visitedAt, form["note"].ToString()), photos, ct)).Result;
        }
        finally
        {
            foreach (var (_, stream) in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task<IResult> OpenVisitPhoto(long id, long photoId, HouseholdEventsHandler handler, HttpContext http, CancellationToken ct)
    {
        var opened = await handler.OpenPhotoAsync(id, photoId, ct);
        if (!opened.IsSuccess)
        {
            return ApiResults.Problem(opened.Error!);
        }

        await FilesSetup.WriteAsync(opened.Value, http.Response, ct);
        return Results.Empty;
    }
}
