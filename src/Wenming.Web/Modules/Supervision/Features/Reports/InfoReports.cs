using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Supervision.Features.Reports;

/// <summary>API.md's <c>{orgUnitId, category, urgent, title, body}</c>.</summary>
/// <remarks><c>category</c> is a code of the county's list (the nine defaults keep their English names, also as numbers) or its Chinese name.</remarks>
public sealed record CreateInfoReportRequest(
    long? OrgUnitId, [property: System.Text.Json.Serialization.JsonConverter(typeof(ReportCategoryCodeConverter))] string? Category, bool? Urgent, string? Title, string? Body);

/// <summary>The written follow-up (续报): <c>{body}</c>.</summary>
public sealed record InfoReportFollowUpRequest(string? Body);

/// <summary>A file sent with a report (page form or the API's multipart upload).</summary>
public sealed record InfoReportUpload(string? FileName, Stream? Content);

/// <summary>
/// <c>GET /api/v1/info-reports?orgUnitId=&amp;box=in|out&amp;light=&amp;category=&amp;urgent=&amp;read=&amp;followedUp=&amp;month=yyyy-MM</c>:
/// <c>box=in</c> is what was reported to the caller's own unit (its inbox), <c>box=out</c> what the caller's own unit
/// reported; without it, everything of the subtree. <c>followedUp=false</c> is the urgent reports still without a follow-up.
/// </summary>
public sealed record ListInfoReportsRequest
{
    public long? OrgUnitId { get; set; }

    public string? Box { get; set; }

    public SupervisionLight? Light { get; set; }

    public string? Category { get; set; }

    public bool? Urgent { get; set; }

    public string? Month { get; set; }

    public bool? Read { get; set; }

    public bool? FollowedUp { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// 信息报送 (RULES.md Supervision, information reports): a township or a station reports upward to its parent unit in a
/// must-report category, routine or urgent, with attachments; the receiving level's admins mark it read (the receipt,
/// once); the reporting unit writes the follow-up (续报). Urgent reports unread after 1 h or without a follow-up after
/// 24 h are red (<see cref="InfoReport.LightOf"/>). A ledger per unit and month, also as Excel. Scoped to the reporting
/// unit: the levels above and their supervisor read it, a sibling gets 404. Every write is audited by the context.
/// </summary>
public sealed class InfoReportsHandler(
    AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IFileStore files, INotifier notifier, ReportCategoriesHandler categories, TimeProvider clock)
{
    public async Task<Result<InfoReportDto>> CreateAsync(CreateInfoReportRequest request, IReadOnlyList<InfoReportUpload> uploads, CancellationToken ct)
    {
        // Units report upward: a township to the county, a station to its township. The county center has no level above it here.
        if (actor.RequireAny(Role.InstituteAdmin, Role.StationAdmin) is { } forbidden)
        {
            return forbidden;
        }

        if (Check(request, uploads.Count) is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return InfoReportErrors.UnitNotFound();
        }

        if (unit.Id != actor.OrgUnitId)
        {
            return FieldErrors.One("orgUnitId", "supervision.report_own_unit", "supervision.report_own_unit");
        }

        if (unit.CountyId is not { } countyId || unit.ParentId is not { } parentId || unit.Level is OrgLevel.City or OrgLevel.County)
        {
            return FieldErrors.One("orgUnitId", "supervision.report_no_parent", "supervision.report_no_parent");
        }

        var category = await categories.ForNewReportAsync(countyId, request.Category!, ct);
        if (!category.IsSuccess)
        {
            return category.Error!;
        }

        var staged = new List<StoredFile>();
        foreach (var upload in uploads)
        {
            var file = await files.AddAsync(upload.FileName, upload.Content, unit.Id, ct, field: "files");
            if (!file.IsSuccess)
            {
                Untrack(staged);
                return file.Error!;
            }

            staged.Add(file.Value);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var report = InfoReport.Create(countyId, unit.Id, parentId, category.Value.Code, request.Urgent ?? false, request.Title!, request.Body!, actor.UserId, actor.Login, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(report);
        await db.SaveChangesAsync(ct);
        foreach (var file in staged)
        {
            db.Add(InfoReportAttachment.Of(report, file.Id));
        }

        var key = report.Urgent ? "Supervision.notice.report_urgent" : "Supervision.notice.report";
        await notifier.ToUnitAdminsAsync(parentId, new Notice(
            Text.Get(key + ".title"), Text.Get(key + ".body", unit.Name, category.Value.Name, report.Title), $"/supervision/reports/{report.Id}"), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(report, ct);
    }

    /// <summary>One more attachment from the API (multipart), by the reporting unit, up to <see cref="InfoReport.MaxAttachments"/>.</summary>
    public async Task<Result<InfoReportDto>> AttachAsync(long id, InfoReportUpload upload, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var report = await db.Set<InfoReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return InfoReportErrors.NotFound();
        }

        if (report.OrgUnitId != actor.OrgUnitId)
        {
            return InfoReportErrors.NotYours("supervision.report_only_unit");
        }

        if (await db.Set<InfoReportAttachment>().CountAsync(a => a.ReportId == id, ct) >= InfoReport.MaxAttachments)
        {
            return FieldErrors.One("file", "supervision.report_too_many_files", "supervision.report_too_many_files", InfoReport.MaxAttachments);
        }

        var file = await files.AddAsync(upload.FileName, upload.Content, report.OrgUnitId, ct);
        if (!file.IsSuccess)
        {
            return file.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Add(InfoReportAttachment.Of(report, file.Value.Id));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(report, ct);
    }

    /// <summary>
    /// The receipt: an admin of the receiving level (the reporting unit's parent) marks it read. The first read counts;
    /// reading it again, or two at once, answers the same receipt (the loser of a race reloads it).
    /// </summary>
    public async Task<Result<InfoReportDto>> ReadAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var report = await db.Set<InfoReport>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return InfoReportErrors.NotFound();
        }

        if (!actor.IsSystemAdmin && report.ToUnitId != actor.OrgUnitId)
        {
            return InfoReportErrors.NotYours("supervision.report_only_receiver");
        }

        // Whole microseconds, as PostgreSQL keeps them: the answer of the reader who won and of those who reload it agree.
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        if (report.MarkRead(actor.UserId, actor.Login, now))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone of the same level read it at the same moment: theirs is the receipt.
                db.ChangeTracker.Clear();
                report = await db.Set<InfoReport>().AsNoTracking().SingleAsync(r => r.Id == id, ct);
            }
        }

        return await DtoAsync(report, ct);
    }

    /// <summary>The written follow-up (续报) by the reporting unit's admins; its first instant decides the light.</summary>
    public async Task<Result<InfoReportDto>> FollowUpAsync(long id, InfoReportFollowUpRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var report = await db.Set<InfoReport>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return InfoReportErrors.NotFound();
        }

        if (!actor.IsSystemAdmin && report.OrgUnitId != actor.OrgUnitId)
        {
            return InfoReportErrors.NotYours("supervision.report_only_unit");
        }

        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return FieldErrors.Required("body", "Supervision.field.followUp");
        }

        if (request.Body.Trim().Length > InfoReport.MaxFollowUpLength)
        {
            return FieldErrors.TooLong("body", "Supervision.field.followUp", InfoReport.MaxFollowUpLength);
        }

        report.AddFollowUp(request.Body, actor.Login, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return InfoReportErrors.Changed();
        }

        return await DtoAsync(report, ct);
    }

    public async Task<Result<InfoReportDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var report = await db.Set<InfoReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? InfoReportErrors.NotFound() : await DtoAsync(report, ct);
    }

    public async Task<Result<PageOf<InfoReportDto>>> ListAsync(ListInfoReportsRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        var (query, error) = await QueryAsync(request.OrgUnitId, request.Month, ct);
        if (query is null)
        {
            return error!;
        }

        var own = actor.OrgUnitId;
        query = request.Box switch
        {
            "in" => query.Where(r => r.ToUnitId == own),
            "out" => query.Where(r => r.OrgUnitId == own),
            _ => query,
        };
        if (ReportCategoryCodeConverter.FromQuery(request.Category) is { Length: > 0 } category)
        {
            query = query.Where(r => r.Category == category);
        }

        if (request.Urgent is { } urgent)
        {
            query = query.Where(r => r.Urgent == urgent);
        }

        if (request.Read is { } read)
        {
            query = read ? query.Where(r => r.ReadAt != null) : query.Where(r => r.ReadAt == null);
        }

        if (request.FollowedUp is { } followedUp)
        {
            query = followedUp ? query.Where(r => r.FollowUpAt != null) : query.Where(r => r.Urgent && r.FollowUpAt == null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Light is { } light)
        {
            query = WithLight(query, light, now);
        }

        var page = await query.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).ToPageAsync(paging, ct);
        var units = await UnitNamesAsync(page.Items, ct);
        var names = await categories.NamesAsync(actor.CountyId, ct);
        return new PageOf<InfoReportDto>([.. page.Items.Select(r => InfoReportDto.From(r, now, units, names, null))], page.Page, page.PageSize, page.Total);
    }

    /// <summary>The ledger (台账): per reporting unit, the month's reports counted by urgency, receipt, timeliness and light.</summary>
    public async Task<Result<IReadOnlyList<InfoReportLedgerRow>>> LedgerAsync(long? orgUnitId, string? month, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var label = month ?? CurrentMonth();
        var (query, error) = await QueryAsync(orgUnitId, label, ct);
        if (query is null)
        {
            return error!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reports = await query.ToListAsync(ct);
        var names = await orgs.NamesAsync([.. reports.Select(r => r.OrgUnitId).Distinct()], ct);
        return reports.GroupBy(r => r.OrgUnitId)
            .Select(g =>
            {
                var lights = g.Select(r => r.LightAt(now)).ToList();
                return new InfoReportLedgerRow(
                    g.Key, names.GetValueOrDefault(g.Key), label, g.Count(), g.Count(r => r.Urgent), g.Count(r => r.IsRead), g.Count(r => !r.IsRead),
                    lights.Count(l => l == SupervisionLight.Green), lights.Count(l => l == SupervisionLight.Red));
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The month's reports of the caller's subtree (or one unit's) as an Excel sheet; the export is audited.</summary>
    public async Task<Result<ExcelFile>> ExportAsync(long? orgUnitId, string? month, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var (query, error) = await QueryAsync(orgUnitId, month ?? CurrentMonth(), ct);
        if (query is null)
        {
            return error!;
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await query.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id).ToListAsync(ct);
        var units = await UnitNamesAsync(rows, ct);
        var names = await categories.NamesAsync(actor.CountyId, ct);
        string[] headers = [H("number"), H("unit"), H("to"), H("category"), H("urgent"), H("title"), H("reportedAt"), H("reportedBy"), H("readAt"), H("readBy"), H("followUpAt"), H("light")];
        var data = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Id, units.GetValueOrDefault(r.OrgUnitId), units.GetValueOrDefault(r.ToUnitId), InfoReportLabels.Category(r.Category, names),
            Text.Get(r.Urgent ? "Supervision.ui.urgent" : "Supervision.ui.routine"), r.Title, r.ReportedAt, r.ReportedByLogin, r.ReadAt, r.ReadByLogin, r.FollowUpAt,
            Tasks.SupervisionLabels.Light(r.LightAt(now)),
        ]);
        return ExcelExport.File("Supervision.export.reports_file", now, new ExcelSheet(Text.Get("Supervision.export.reports_sheet"), headers, data));
    }

    private static string H(string column) => Text.Get("Supervision.col." + column);

    /// <summary>
    /// <see cref="InfoReport.LightOf"/> as a WHERE on stored columns with "now" as a parameter; written without negations,
    /// so that NULLs (routine reports, open steps) mean the same in SQL as in C#. A unit test walks it with the chip.
    /// </summary>
    public static IQueryable<InfoReport> WithLight(IQueryable<InfoReport> query, SupervisionLight light, DateTime now) => light switch
    {
        SupervisionLight.Red => query.Where(r => r.Urgent
            && ((r.ReadAt == null && r.ReadDueAt < now) || r.ReadAt > r.ReadDueAt || (r.FollowUpAt == null && r.FollowUpDueAt < now) || r.FollowUpAt > r.FollowUpDueAt)),
        SupervisionLight.Green => query.Where(r => (!r.Urgent && r.ReadAt != null) || (r.Urgent && r.ReadAt <= r.ReadDueAt && r.FollowUpAt <= r.FollowUpDueAt)),
        SupervisionLight.Yellow => query.Where(r => r.Urgent
            && ((r.ReadAt == null && r.ReadDueAt >= now) || r.ReadAt <= r.ReadDueAt)
            && ((r.FollowUpAt == null && r.FollowUpDueAt >= now) || r.FollowUpAt <= r.FollowUpDueAt)
            && ((r.ReadAt == null && r.ReadYellowFrom < now) || (r.FollowUpAt == null && r.FollowUpYellowFrom < now))),
        _ => query.Where(r => (!r.Urgent && r.ReadAt == null) || (r.Urgent
            && ((r.ReadAt == null && r.ReadDueAt >= now) || r.ReadAt <= r.ReadDueAt)
            && ((r.FollowUpAt == null && r.FollowUpDueAt >= now) || r.FollowUpAt <= r.FollowUpDueAt)
            && (r.ReadAt != null || r.ReadYellowFrom >= now)
            && (r.FollowUpAt != null || r.FollowUpYellowFrom >= now)
            && (r.ReadAt == null || r.FollowUpAt == null))),
    };

    /// <summary>"2026-11" → the month's first instant and the next month's, in China time, as UTC.</summary>
    public static (DateTime From, DateTime To)? MonthRange(string month)
    {
        if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || first.Year < 2000)
        {
            return null;
        }

        var from = new DateTimeOffset(first, Text.ChinaOffset);
        return (from.UtcDateTime, from.AddMonths(1).UtcDateTime);
    }

    private string CurrentMonth() => Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<(IQueryable<InfoReport>? Query, Error? Error)> QueryAsync(long? orgUnitId, string? month, CancellationToken ct)
    {
        var query = db.Set<InfoReport>().AsNoTracking();
        if (orgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return (null, InfoReportErrors.UnitNotFound());
            }

            query = query.Where(r => under.Contains(r.OrgUnitId));
        }

        if (!string.IsNullOrWhiteSpace(month))
        {
            if (MonthRange(month) is not { } range)
            {
                return (null, FieldErrors.One("month", "supervision.month_invalid", "supervision.month_invalid"));
            }

            query = query.Where(r => r.ReportedAt >= range.From && r.ReportedAt < range.To);
        }

        return (query, null);
    }

    private static Error? Check(CreateInfoReportRequest request, int fileCount)
    {
        var fields = new Dictionary<string, string[]>();
        if (request.OrgUnitId is null)
        {
            fields["orgUnitId"] = [Required("reportUnit")];
        }

        if (string.IsNullOrWhiteSpace(request.Category))
        {
            fields["category"] = [Required("category")];
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            fields["title"] = [Required("reportTitle")];
        }
        else if (request.Title.Trim().Length > InfoReport.MaxTitleLength)
        {
            fields["title"] = [Text.Get("validation.too_long", Text.Get("Supervision.field.reportTitle"), InfoReport.MaxTitleLength)];
        }

        if (string.IsNullOrWhiteSpace(request.Body))
        {
            fields["body"] = [Required("body")];
        }
        else if (request.Body.Trim().Length > InfoReport.MaxBodyLength)
        {
            fields["body"] = [Text.Get("validation.too_long", Text.Get("Supervision.field.body"), InfoReport.MaxBodyLength)];
        }

        if (fileCount > InfoReport.MaxAttachments)
        {
            fields["files"] = [Text.Get("supervision.report_too_many_files", InfoReport.MaxAttachments)];
        }

        return fields.Count == 0 ? null : Error.Validation(fields);
    }

    private static string Required(string field) => Text.Get("validation.required", Text.Get("Supervision.field." + field));

    private void Untrack(List<StoredFile> staged)
    {
        foreach (var file in staged)
        {
            if (file.Content is not null)
            {
                db.Entry(file.Content).State = EntityState.Detached;
            }

            db.Entry(file).State = EntityState.Detached;
        }
    }

    private async Task<InfoReportDto> DtoAsync(InfoReport report, CancellationToken ct)
    {
        var fileIds = await db.Set<InfoReportAttachment>().AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.Id).Select(a => a.FileId).ToListAsync(ct);
        var described = await files.DescribeAsync(fileIds, ct);
        var list = fileIds.Where(described.ContainsKey).Select(f => described[f]).Select(f => new InfoReportFileDto(f.Id, f.FileName, f.IsImage, f.ApiUrl, f.PageUrl)).ToList();
        var names = await categories.NamesAsync(report.CountyId, ct);
        return InfoReportDto.From(report, clock.GetUtcNow().UtcDateTime, await UnitNamesAsync([report], ct), names, list);
    }

    /// <summary>
    /// The reporting and receiving units' names. The receiving level is above a station admin's scope, so it is looked up
    /// through the directory's own unscoped look-up (a name, nothing more), as for 督办 tasks.
    /// </summary>
    private async Task<IReadOnlyDictionary<long, string>> UnitNamesAsync(IReadOnlyList<InfoReport> reports, CancellationToken ct)
    {
        var names = new Dictionary<long, string>();
        foreach (var id in reports.SelectMany(r => new[] { r.OrgUnitId, r.ToUnitId }).Distinct())
        {
            if ((await orgs.FindUnscopedAsync(id, ct))?.Name is { } name)
            {
                names[id] = name;
            }
        }

        return names;
    }
}

/// <summary>The information reports' typed failures; codes are stable API strings, texts in Supervision.resx.</summary>
public static class InfoReportErrors
{
    public static Error NotFound() => Error.Keyed("supervision.report_not_found", ErrorKind.NotFound, "supervision.report_not_found");

    public static Error UnitNotFound() => Error.Keyed("supervision.unit_not_found", ErrorKind.NotFound, "supervision.unit_not_found");

    public static Error Changed() => Error.Keyed("supervision.changed", ErrorKind.Conflict, "supervision.changed");

    /// <summary>Only the receiving level marks read; only the reporting unit follows up and attaches.</summary>
    public static Error NotYours(string key) => Error.Keyed("common.forbidden", ErrorKind.Forbidden, key);
}
