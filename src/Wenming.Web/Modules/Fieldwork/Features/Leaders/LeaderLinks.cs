using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Fieldwork.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Lights;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fieldwork.Features.Leaders;

/// <summary><c>POST /api/v1/leader-links</c>: <c>{leaderUserId, orgUnitId}</c>.</summary>
public sealed record LinkLeaderRequest(long? LeaderUserId, long? OrgUnitId);

/// <summary><c>POST /api/v1/leader-visits</c>: <c>{orgUnitId, visitedOn (yyyy-MM-dd, China), place, found}</c>.</summary>
public sealed record LogVisitRequest(long? OrgUnitId, DateOnly? VisitedOn, string? Place, string? Found);

/// <summary><c>POST /api/v1/leader-visits/{id}/task</c>: <c>{title?, dueAt}</c>; the description is what the visit found.</summary>
public sealed record VisitTaskRequest(string? Title, DateTimeOffset? DueAt);

/// <summary><c>GET /api/v1/leader-visits?mine=&amp;orgUnitId=&amp;leaderUserId=&amp;month=yyyy-MM</c>.</summary>
public sealed record ListVisitsRequest
{
    [DefaultValue(false)]
    public bool? Mine { get; set; }

    public long? OrgUnitId { get; set; }

    public long? LeaderUserId { get; set; }

    public string? Month { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

public sealed record VisitPhotoUpload(string? FileName, Stream? Content);

public sealed record LeaderLinkDto(long Id, long LeaderUserId, string LeaderLogin, string LeaderName, long OrgUnitId, string? OrgUnitName, DateOnly LinkedOn);

public sealed record VisitPhotoDto(long FileId, string FileName, string Url);

public sealed record LeaderVisitDto(
    long Id, long LeaderUserId, string LeaderLogin, long OrgUnitId, string? OrgUnitName, DateOnly VisitedOn, string Place, string Found,
    DateTimeOffset RecordedAt, long? TaskId, IReadOnlyList<VisitPhotoDto> Photos);

/// <summary>One month of a leader's row: the visits in it and its light (none before the leader was linked).</summary>
public sealed record VisitMonthDto(string Month, int Visits, Light? Light, string? LightLabel);

/// <summary>A row of the county's overview (leaders × months).</summary>
public sealed record LeaderOverviewRow(long LeaderUserId, string LeaderLogin, string LeaderName, IReadOnlyList<string> Units, IReadOnlyList<VisitMonthDto> Months, Light CurrentLight, string CurrentLightLabel);

/// <summary>An account the county may link (a supervisor or a center admin).</summary>
public sealed record LeaderCandidateDto(long UserId, string Login, string DisplayName);

/// <summary>
/// 包镇联村 (DESIGN §8, RULES.md): the county links its leaders — accounts of role Supervisor or CenterAdmin — to
/// townships and villages; a leader logs visits to the units they are linked to (or below them) with photos; a
/// problem found becomes a 督办 task through Supervision's own assigner; a leader without a visit in the current
/// China month is yellow. Rows are scoped to the linked or visited unit: a township sees its own, a leader's page
/// asks for their own (<c>mine</c>). Every write is audited by the context.
/// </summary>
public sealed class LeaderLinksHandler(
    AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IAccountDirectory accounts, IFileStore files, ISupervisionTaskAssigner tasks, TimeProvider clock)
{
    public static readonly IReadOnlyList<Role> LeaderRoles = [Role.Supervisor, Role.CenterAdmin];

    private const int MaxOverviewMonths = 12;

    /// <summary>Whether the caller may act as a linked leader (the 联系点 page, the home card).</summary>
    public bool CallerMayLead => LeaderRoles.Any(actor.Has);

    public async Task<Result<IReadOnlyList<LeaderCandidateDto>>> CandidatesAsync(CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin) is { } forbidden)
        {
            return forbidden;
        }

        return Result(await LeadersInScopeAsync(ct));
    }

    private static Result<IReadOnlyList<LeaderCandidateDto>> Result(IReadOnlyList<AccountCard> cards) =>
        cards.Select(c => new LeaderCandidateDto(c.Id, c.Login, c.DisplayName)).ToList();

    private async Task<IReadOnlyList<AccountCard>> LeadersInScopeAsync(CancellationToken ct)
    {
        var all = await accounts.ActiveWithRolesAsync(LeaderRoles, ct);
        return [.. all.Where(a => a.CountyId is not null && (actor.CountyId is null || a.CountyId == actor.CountyId))];
    }

    public async Task<Result<LeaderLinkDto>> LinkAsync(LinkLeaderRequest request, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin) is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        if (request.LeaderUserId is null)
        {
            fields.AddRequired("leaderUserId", "Fieldwork.field.leaderUserId");
        }

        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Fieldwork.field.linkUnit");
        }

        if (fields.ToError() is { } missing)
        {
            return missing;
        }

        var leader = (await LeadersInScopeAsync(ct)).FirstOrDefault(a => a.Id == request.LeaderUserId);
        if (leader is null)
        {
            return FieldErrors.One("leaderUserId", "fieldwork.not_leader", "fieldwork.not_leader");
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return Error.NotFound("fieldwork.unit_not_found");
        }

        if (unit.Level is not (OrgLevel.Township or OrgLevel.Village) || unit.CountyId != leader.CountyId || unit.Status != OrgUnitStatus.Active)
        {
            return FieldErrors.One("orgUnitId", "fieldwork.link_level", "fieldwork.link_level");
        }

        if (await db.Set<LeaderLink>().AnyAsync(l => l.LeaderUserId == leader.Id && l.OrgUnitId == unit.Id, ct))
        {
            return Error.Conflict("fieldwork.link_exists");
        }

        var link = LeaderLink.Of(unit.CountyId!.Value, unit.Id, leader.Id, leader.Login, leader.DisplayName, VisitMonths.ChinaToday(Now), actor.Login);
        db.Add(link);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link sent twice at once: the unique index keeps one.
            return Error.Conflict("fieldwork.link_exists");
        }

        return new LeaderLinkDto(link.Id, link.LeaderUserId, link.LeaderLogin, link.LeaderName, link.OrgUnitId, unit.Name, link.LinkedOn);
    }

    public async Task<Result<bool>> UnlinkAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin) is { } forbidden)
        {
            return forbidden;
        }

        var link = await db.Set<LeaderLink>().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (link is null)
        {
            return Error.NotFound("fieldwork.link_not_found");
        }

        db.Remove(link);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The links in the caller's scope; <paramref name="mine"/>: the caller's own as a leader.</summary>
    public async Task<Result<IReadOnlyList<LeaderLinkDto>>> LinksAsync(bool mine, long? leaderUserId, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var query = db.Set<LeaderLink>().AsNoTracking();
        if (mine)
        {
            var me = actor.UserId;
            query = query.Where(l => l.LeaderUserId == me);
        }

        if (leaderUserId is { } leader)
        {
            query = query.Where(l => l.LeaderUserId == leader);
        }

        var links = await query.OrderBy(l => l.LeaderLogin).ThenBy(l => l.OrgUnitId).ToListAsync(ct);
        var names = await orgs.NamesAsync([.. links.Select(l => l.OrgUnitId).Distinct()], ct);
        return links.Select(l => new LeaderLinkDto(l.Id, l.LeaderUserId, l.LeaderLogin, l.LeaderName, l.OrgUnitId, names.GetValueOrDefault(l.OrgUnitId), l.LinkedOn)).ToList();
    }

    public async Task<Result<LeaderVisitDto>> LogAsync(LogVisitRequest request, IReadOnlyList<VisitPhotoUpload> photos, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var today = VisitMonths.ChinaToday(Now);
        var fields = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Fieldwork.field.visitUnit");
        }

        if (request.VisitedOn is not { } on)
        {
            fields.AddRequired("visitedOn", "Fieldwork.field.visitedOn");
        }
        else if (on > today)
        {
            fields.Add("visitedOn", "fieldwork.visit_in_future");
        }
        else if (on < today.AddDays(-LeaderVisit.MaxDaysBack))
        {
            fields.Add("visitedOn", "fieldwork.visit_too_old", LeaderVisit.MaxDaysBack);
        }

        CheckText(fields, "place", "Fieldwork.field.place", request.Place, LeaderVisit.MaxPlaceLength);
        CheckText(fields, "found", "Fieldwork.field.found", request.Found, LeaderVisit.MaxFoundLength);
        if (photos.Count > LeaderVisit.MaxPhotos)
        {
            fields.Add("photos", "fieldwork.too_many_photos", LeaderVisit.MaxPhotos);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return Error.NotFound("fieldwork.unit_not_found");
        }

        // A leader logs visits to the units they answer for: a linked unit or one below it.
        var linked = await db.Set<LeaderLink>().AsNoTracking().Where(l => l.LeaderUserId == actor.UserId).Select(l => l.OrgUnitId).ToListAsync(ct);
        var covered = false;
        foreach (var linkedId in linked)
        {
            if (await orgs.FindAsync(linkedId, ct) is { } linkedUnit && unit.Path.StartsWith(linkedUnit.Path, StringComparison.Ordinal))
            {
                covered = true;
                break;
            }
        }

        if (!covered)
        {
            return FieldErrors.One("orgUnitId", "fieldwork.not_linked", "fieldwork.not_linked");
        }

        var visit = LeaderVisit.Log(unit.CountyId!.Value, unit.Id, actor.UserId!.Value, actor.Login ?? "", request.VisitedOn!.Value, request.Place!, request.Found!, Now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(visit);
        await db.SaveChangesAsync(ct);
        foreach (var photo in photos)
        {
            var file = await files.AddAsync(photo.FileName, photo.Content, unit.Id, ct, field: "photos");
            if (!file.IsSuccess)
            {
                return file.Error!;
            }

            await db.SaveChangesAsync(ct);
            db.Add(LeaderVisitPhoto.Of(visit, file.Value.Id));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(visit, ct);
    }

    /// <summary>One more photo (multipart, from the API), by the leader who made the visit.</summary>
    public async Task<Result<LeaderVisitDto>> AddPhotoAsync(long id, VisitPhotoUpload upload, CancellationToken ct)
    {
        if (await OwnVisitAsync(id, ct) is not { } visit)
        {
            return await MissingOrNotYoursAsync(id, ct);
        }

        if (await db.Set<LeaderVisitPhoto>().CountAsync(p => p.VisitId == id, ct) >= LeaderVisit.MaxPhotos)
        {
            return FieldErrors.One("file", "fieldwork.too_many_photos", "fieldwork.too_many_photos", LeaderVisit.MaxPhotos);
        }

        var file = await files.AddAsync(upload.FileName, upload.Content, visit.OrgUnitId, ct);
        if (!file.IsSuccess)
        {
            return file.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Add(LeaderVisitPhoto.Of(visit, file.Value.Id));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(visit, ct);
    }

    /// <summary>
    /// A problem the visit found becomes a 督办 task of the visited unit, assigned by the leader, once: the visit is
    /// claimed by one conditional update first, so two taps at once make one task (the loser is told it exists).
    /// </summary>
    public async Task<Result<LeaderVisitDto>> RaiseTaskAsync(long id, VisitTaskRequest request, CancellationToken ct)
    {
        if (await OwnVisitAsync(id, ct) is not { } visit)
        {
            return await MissingOrNotYoursAsync(id, ct);
        }

        if (visit.TaskRequestedAt is not null)
        {
            return Error.Conflict("fieldwork.task_exists");
        }

        var now = Now;
        var claimed = await db.Set<LeaderVisit>().Where(v => v.Id == id && v.CountyId == visit.CountyId && v.TaskRequestedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.TaskRequestedAt, now), ct);
        if (claimed == 0)
        {
            return Error.Conflict("fieldwork.task_exists");
        }

        var title = string.IsNullOrWhiteSpace(request.Title) ? Text.Get("Fieldwork.ui.task_title", visit.Place) : request.Title;
        var description = Text.Get("Fieldwork.ui.task_description", visit.VisitedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), visit.Place, visit.Found);
        var assigned = await tasks.AssignFromVisitAsync(visit.OrgUnitId, title, description, request.DueAt, ct);
        if (!assigned.IsSuccess)
        {
            // Refused (a missing due time, say): the visit may be turned into a task again.
            await db.Set<LeaderVisit>().Where(v => v.Id == id && v.CountyId == visit.CountyId).ExecuteUpdateAsync(s => s.SetProperty(v => v.TaskRequestedAt, (DateTime?)null), ct);
            return assigned.Error!;
        }

        visit.BecameTask(assigned.Value);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(visit, ct);
    }

    public async Task<Result<LeaderVisitDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var visit = await db.Set<LeaderVisit>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        return visit is null ? Error.NotFound("fieldwork.visit_not_found") : await DtoAsync(visit, ct);
    }

    public async Task<Result<PageOf<LeaderVisitDto>>> ListAsync(ListVisitsRequest request, CancellationToken ct)
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

        var query = db.Set<LeaderVisit>().AsNoTracking();
        if (request.Mine is true)
        {
            var me = actor.UserId;
            query = query.Where(v => v.LeaderUserId == me);
        }

        if (request.LeaderUserId is { } leader)
        {
            query = query.Where(v => v.LeaderUserId == leader);
        }

        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return Error.NotFound("fieldwork.unit_not_found");
            }

            query = query.Where(v => under.Contains(v.OrgUnitId));
        }

        if (request.Month is { } month)
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                return FieldErrors.One("month", "fieldwork.bad_month", "fieldwork.bad_month");
            }

            var next = first.AddMonths(1);
            query = query.Where(v => v.VisitedOn >= first && v.VisitedOn < next);
        }

        var page = await query.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).ToPageAsync(paging, ct);
        var names = await orgs.NamesAsync([.. page.Items.Select(v => v.OrgUnitId).Distinct()], ct);
        var photos = await PhotosAsync([.. page.Items.Select(v => v.Id)], ct);
        return new PageOf<LeaderVisitDto>([.. page.Items.Select(v => Dto(v, names, photos))], page.Page, page.PageSize, page.Total);
    }

    /// <summary>
    /// Leaders × the last <paramref name="months"/> China months, each with its visits and light, for the leaders whose
    /// links the caller sees (the county: all; a township: those linked to its units, counting visits to its units).
    /// </summary>
    public async Task<Result<IReadOnlyList<LeaderOverviewRow>>> OverviewAsync(int? months, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var count = months ?? 6;
        if (count is < 1 or > MaxOverviewMonths)
        {
            return FieldErrors.One("months", "fieldwork.months_range", "fieldwork.months_range", MaxOverviewMonths);
        }

        var links = await db.Set<LeaderLink>().AsNoTracking().ToListAsync(ct);
        return (await RowsAsync(links, count, ct)).ToList();
    }

    /// <summary>The caller's own row as a leader (the home card and the 联系点 page), or null when not linked anywhere.</summary>
    public async Task<LeaderOverviewRow?> MyRowAsync(int months, CancellationToken ct)
    {
        var me = actor.UserId;
        var links = await db.Set<LeaderLink>().AsNoTracking().Where(l => l.LeaderUserId == me).ToListAsync(ct);
        return links.Count == 0 ? null : (await RowsAsync(links, months, ct)).Single();
    }

    private async Task<IReadOnlyList<LeaderOverviewRow>> RowsAsync(IReadOnlyList<LeaderLink> links, int count, CancellationToken ct)
    {
        var monthStarts = VisitMonths.Recent(Now, count);
        var from = monthStarts[0];
        var leaderIds = links.Select(l => l.LeaderUserId).Distinct().ToList();
        var visits = await db.Set<LeaderVisit>().AsNoTracking()
            .Where(v => leaderIds.Contains(v.LeaderUserId) && v.VisitedOn >= from)
            .Select(v => new { v.LeaderUserId, v.VisitedOn }).ToListAsync(ct);
        var names = await orgs.NamesAsync([.. links.Select(l => l.OrgUnitId).Distinct()], ct);
        var rows = new List<LeaderOverviewRow>();
        foreach (var leader in links.GroupBy(l => l.LeaderUserId).OrderBy(g => g.First().LeaderLogin, StringComparer.Ordinal))
        {
            var first = leader.First();
            var linkedOn = leader.Min(l => l.LinkedOn);
            var cells = monthStarts.Select(start =>
            {
                var n = visits.Count(v => v.LeaderUserId == leader.Key && VisitMonths.FirstDay(v.VisitedOn) == start);
                // No light for a month that ended before the leader was linked: nobody asked for a visit then.
                Light? light = n == 0 && start.AddMonths(1) <= linkedOn ? null : VisitMonths.LightOf(n);
                return new VisitMonthDto(VisitMonths.MonthOf(start), n, light, light is { } l ? Text.Get("Fieldwork.light." + l) : null);
            }).ToList();
            var current = cells[^1].Light ?? Light.Yellow;
            rows.Add(new LeaderOverviewRow(
                leader.Key, first.LeaderLogin, first.LeaderName, [.. leader.Select(l => names.GetValueOrDefault(l.OrgUnitId) ?? "").Order(StringComparer.Ordinal)], cells, current, Text.Get("Fieldwork.light." + current)));
        }

        return rows;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<LeaderVisit?> OwnVisitAsync(long id, CancellationToken ct)
    {
        var me = actor.UserId;
        return await db.Set<LeaderVisit>().SingleOrDefaultAsync(v => v.Id == id && v.LeaderUserId == me, ct);
    }

    private async Task<Error> MissingOrNotYoursAsync(long id, CancellationToken ct) =>
        await db.Set<LeaderVisit>().AnyAsync(v => v.Id == id, ct)
            ? Error.Keyed("fieldwork.not_your_visit", ErrorKind.Forbidden, "fieldwork.not_your_visit")
            : Error.NotFound("fieldwork.visit_not_found");

    private static void CheckText(FieldErrors fields, string field, string label, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fields.AddRequired(field, label);
        }
        else if (value.Trim().Length > max)
        {
            fields.AddTooLong(field, label, max);
        }
    }

    private async Task<IReadOnlyDictionary<long, List<VisitPhotoDto>>> PhotosAsync(IReadOnlyCollection<long> visitIds, CancellationToken ct)
    {
        var rows = await db.Set<LeaderVisitPhoto>().AsNoTracking().Where(p => visitIds.Contains(p.VisitId)).OrderBy(p => p.Id).ToListAsync(ct);
        var described = await files.DescribeAsync([.. rows.Select(r => r.FileId)], ct);
        return rows.Where(r => described.ContainsKey(r.FileId))
            .GroupBy(r => r.VisitId)
            .ToDictionary(g => g.Key, g => g.Select(r => described[r.FileId]).Select(f => new VisitPhotoDto(f.Id, f.FileName, f.PageUrl)).ToList());
    }

    private async Task<LeaderVisitDto> DtoAsync(LeaderVisit visit, CancellationToken ct)
    {
        var names = await orgs.NamesAsync([visit.OrgUnitId], ct);
        return Dto(visit, names, await PhotosAsync([visit.Id], ct));
    }

    private static LeaderVisitDto Dto(LeaderVisit v, IReadOnlyDictionary<long, string> names, IReadOnlyDictionary<long, List<VisitPhotoDto>> photos) => new(
        v.Id, v.LeaderUserId, v.LeaderLogin, v.OrgUnitId, names.GetValueOrDefault(v.OrgUnitId), v.VisitedOn, v.Place, v.Found, Text.ToChinaTime(v.RecordedAt), v.TaskId,
        photos.TryGetValue(v.Id, out var list) ? list : []);
}
