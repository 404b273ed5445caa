using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Households.Features.Events;

/// <summary>API.md's <c>{kind, occurredOn, description}</c>.</summary>
public sealed record LogEventRequest(HouseholdEventKind? Kind, DateTimeOffset? OccurredOn, string? Description);

/// <summary>API.md's <c>{visitedAt, note}</c>.</summary>
public sealed record LogVisitRequest(DateTimeOffset? VisitedAt, string? Note);

/// <summary><c>GET /api/v1/household-events?orgUnitId=&amp;overdue=&amp;householdId=&amp;kind=&amp;open=</c>.</summary>
public sealed record ListEventsRequest
{
    public long? OrgUnitId { get; set; }

    public bool? Overdue { get; set; }

    public long? HouseholdId { get; set; }

    public HouseholdEventKind? Kind { get; set; }

    public bool? Open { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

public sealed record VisitDto(long Id, DateTimeOffset VisitedAt, string Note, long? ByPersonId, string? ByLogin, bool InTime, IReadOnlyList<VisitPhotoDto> Photos);

/// <summary>One photo sent with a visit, as the phone sent it.</summary>
public sealed record VisitPhotoUpload(string? FileName, Stream Content);

/// <summary>A visit's photo; <see cref="Url"/> is the event-checked download (bearer), <see cref="PageUrl"/> the same for pages (cookie).</summary>
public sealed record VisitPhotoDto(long Id, string ContentType, long Size, string Url)
{
    public string PageUrl => Url["/api/v1".Length..].Replace("/household-events/", "/households/events/", StringComparison.Ordinal);
}

/// <summary>An event as API.md answers it (<c>{id, kind, dueAt, status}</c> and more): its light, whether it is overdue now, and on its own answers its visits.</summary>
public sealed record HouseholdEventDto(
    long Id,
    long HouseholdId,
    string? HouseholdAddress,
    long OrgUnitId,
    string? OrgUnitName,
    HouseholdEventKind Kind,
    string KindLabel,
    DateTimeOffset OccurredOn,
    DateTimeOffset DueAt,
    string? Period,
    string? Description,
    HouseholdEventStatus Status,
    string StatusLabel,
    bool Overdue,
    bool VisitedLate,
    HouseholdEventLight Light,
    string LightLabel,
    DateTimeOffset? FirstVisitAt,
    int VisitCount,
    IReadOnlyList<VisitDto>? Visits);

/// <summary>
/// 十必联 (RULES.md): an admin of the subtree or the household's contact person logs an event; it gets its due time by
/// kind (24 h, 48 h, 7 days; the monthly kinds the month's last instant, China time); visits are logged with a note; an
/// event without a visit past its due time is overdue (red) and is listed for the station and the township. Events are
/// sensitive: the supervisor and residents do not read them.
/// </summary>
public sealed class HouseholdEventsHandler(AppDbContext db, CurrentActor actor, OrgScope scope, HouseholdsHandler households, IOrgDirectory orgs, IFileStore files, TimeProvider clock)
{
    /// <summary>How far ahead of the server's clock a phone's time may be (clocks drift).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<Result<HouseholdEventDto>> LogAsync(long householdId, LogEventRequest request, CancellationToken ct)
    {
        var household = await WorkableAsync(householdId, ct);
        if (!household.IsSuccess)
        {
            return household.Error!;
        }

        var now = Now;
        var fields = new Dictionary<string, string[]>();
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            fields["kind"] = [HouseholdsHandler.Required("kind")];
            kind = default;
        }

        if (request.OccurredOn is not { } occurred)
        {
            fields["occurredOn"] = [HouseholdsHandler.Required("occurredOn")];
        }
        else if (occurred.UtcDateTime > now + ClockSkew)
        {
            fields["occurredOn"] = [Text.Get("household.occurred_in_future")];
        }
        else if (occurred.UtcDateTime < now.AddYears(-1))
        {
            fields["occurredOn"] = [Text.Get("household.occurred_too_old")];
        }

        if (request.Description is { } d && d.Trim().Length > HouseholdEvent.MaxDescriptionLength)
        {
            fields["description"] = [Text.Get("validation.too_long", Text.Get("Households.field.description"), HouseholdEvent.MaxDescriptionLength)];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var e = HouseholdEvent.Log(household.Value, kind, request.OccurredOn!.Value.UtcDateTime, request.Description, actor.Login, now);
        if (e.Period is { } period && await db.Set<HouseholdEvent>().Unscoped(because: Why.OwnRecords)
                .AnyAsync(x => x.HouseholdId == householdId && x.Kind == kind && x.Period == period, ct))
        {
            return HouseholdErrors.DuplicateMonth();
        }

        db.Add(e);
        try
        {
            await SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            return HouseholdErrors.DuplicateMonth();
        }

        return await DtoAsync(e, ct);
    }

    public Task<Result<HouseholdEventDto>> VisitAsync(long eventId, LogVisitRequest request, CancellationToken ct) =>
        VisitAsync(eventId, request, [], ct);

    /// <summary>
    /// A visit with up to six photos (issue 15): the visit, its event's status, the files and the photo rows are saved in
    /// one transaction, so a refused photo (not an image, too large) leaves nothing behind — the whole visit is refused.
    /// </summary>
    public async Task<Result<HouseholdEventDto>> VisitAsync(long eventId, LogVisitRequest request, IReadOnlyList<VisitPhotoUpload> photos, CancellationToken ct)
    {
        var e = await FindAsync(eventId, tracked: true, ct);
        if (e is null)
        {
            return HouseholdErrors.EventNotFound();
        }

        var household = await WorkableAsync(e.HouseholdId, ct);
        if (!household.IsSuccess)
        {
            return household.Error!.Kind == ErrorKind.NotFound ? HouseholdErrors.EventNotFound() : household.Error!;
        }

        var now = Now;
        var fields = new Dictionary<string, string[]>();
        if (request.VisitedAt is not { } at)
        {
            fields["visitedAt"] = [HouseholdsHandler.Required("visitedAt")];
        }
        else if (at.UtcDateTime > now + ClockSkew)
        {
            fields["visitedAt"] = [Text.Get("household.visit_in_future")];
        }
        else if (at.UtcDateTime < e.OccurredAt)
        {
            fields["visitedAt"] = [Text.Get("household.visit_before_event")];
        }

        if (string.IsNullOrWhiteSpace(request.Note))
        {
            fields["note"] = [HouseholdsHandler.Required("note")];
        }
        else if (request.Note.Trim().Length > HouseholdVisit.MaxNoteLength)
        {
            fields["note"] = [Text.Get("validation.too_long", Text.Get("Households.field.note"), HouseholdVisit.MaxNoteLength)];
        }

        if (photos.Count > HouseholdVisitPhoto.MaxPerVisit)
        {
            fields["photos"] = [Text.Get("household.photos_too_many", HouseholdVisitPhoto.MaxPerVisit)];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var staged = new List<StoredFile>();
        foreach (var upload in photos)
        {
            var file = await files.AddAsync(upload.FileName, upload.Content, household.Value.OrgUnitId, ct, field: "photos");
            if (file.IsSuccess)
            {
                staged.Add(file.Value);
            }

            if (!file.IsSuccess || !FileSniffer.IsImage(file.Value.ContentType))
            {
                // Nothing is saved: untrack what was staged so no later save of this request writes it.
                foreach (var s in staged)
                {
                    db.Entry(s.Content!).State = EntityState.Detached;
                    db.Entry(s).State = EntityState.Detached;
                }

                return file.IsSuccess ? FieldErrors.One("photos", "household.photo_not_image", "household.photo_not_image") : file.Error!;
            }
        }

        var visitedAt = request.VisitedAt!.Value.UtcDateTime;
        e.Visited(visitedAt);
        var visit = HouseholdVisit.Of(e, visitedAt, request.Note!, actor.PersonId, actor.Login, now);
        db.Add(visit);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await SaveAsync(ct);
            if (staged.Count > 0)
            {
                foreach (var file in staged)
                {
                    db.Add(HouseholdVisitPhoto.Of(visit, file.Id, now));
                }

                await SaveAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return HouseholdErrors.Changed();
        }

        return await DtoAsync(e, ct);
    }

    /// <summary>A visit photo's bytes, for whoever may see its event (404 for everyone else, like the event itself).</summary>
    public async Task<Result<FileDownload>> OpenPhotoAsync(long eventId, long photoId, CancellationToken ct)
    {
        var e = await FindAsync(eventId, tracked: false, ct);
        if (e is null || !(await WorkableAsync(e.HouseholdId, ct)).IsSuccess)
        {
            return HouseholdErrors.EventNotFound();
        }

        // The caller may see the event (checked above); a contact person bound to another unit reads the village's file.
        using (scope.Unscoped(because: Why.OwnRecords))
        {
            var fileId = await db.Set<HouseholdVisitPhoto>().AsNoTracking().Where(p => p.Id == photoId && p.EventId == eventId).Select(p => (long?)p.FileId).SingleOrDefaultAsync(ct);
            return fileId is { } id && await files.OpenAsync(id, ct) is { } file ? file : HouseholdErrors.PhotoNotFound();
        }
    }

    public async Task<Result<HouseholdEventDto>> GetAsync(long eventId, CancellationToken ct)
    {
        var e = await FindAsync(eventId, tracked: false, ct);
        if (e is null || !(await WorkableAsync(e.HouseholdId, ct)).IsSuccess)
        {
            return HouseholdErrors.EventNotFound();
        }

        return await DtoAsync(e, ct);
    }

    public async Task<Result<PageOf<HouseholdEventDto>>> ListAsync(ListEventsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        IQueryable<HouseholdEvent> query;
        if (actor.IsAdmin)
        {
            query = db.Set<HouseholdEvent>().AsNoTracking();
        }
        else if (actor.PersonId is { } me && !actor.Has(Role.Supervisor))
        {
            // A contact person lists the events of their own households, wherever their login is bound.
            var mine = db.Set<Household>().Unscoped(because: Why.OwnRecords).Where(h => h.ContactPersonId == me).Select(h => h.Id);
            query = db.Set<HouseholdEvent>().Unscoped(because: Why.OwnRecords).AsNoTracking().Where(e => mine.Contains(e.HouseholdId));
        }
        else
        {
            return Error.Forbidden();
        }

        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return HouseholdErrors.UnitNotFound();
            }

            var units = await under.ToListAsync(ct);
            query = query.Where(e => units.Contains(e.OrgUnitId));
        }

        if (request.HouseholdId is { } hid)
        {
            query = query.Where(e => e.HouseholdId == hid);
        }

        if (request.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        var now = Now;
        if (request.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(e => e.Status == HouseholdEventStatus.Open && e.DueAt < now)
                : query.Where(e => !(e.Status == HouseholdEventStatus.Open && e.DueAt < now));
        }

        if (request.Open is { } open)
        {
            query = open ? query.Where(e => e.Status == HouseholdEventStatus.Open) : query.Where(e => e.Status != HouseholdEventStatus.Open);
        }

        var page = await query.OrderBy(e => e.Status == HouseholdEventStatus.Open ? 0 : 1).ThenBy(e => e.DueAt).ThenByDescending(e => e.Id).ToPageAsync(paging, ct);
        return new PageOf<HouseholdEventDto>(await DtosAsync(page.Items, withVisits: false, ct), page.Page, page.PageSize, page.Total);
    }

    /// <summary>
    /// The household, if the caller may log events and visits for it: an admin whose subtree holds it, or its contact
    /// person. A supervisor or resident gets 403; a household outside the caller's reach is 404.
    /// </summary>
    private async Task<Result<Household>> WorkableAsync(long householdId, CancellationToken ct)
    {
        if (actor.IsAdmin)
        {
            return await db.Set<Household>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, ct) is { } h ? h : HouseholdErrors.NotFound();
        }

        if (actor.PersonId is { } me && !actor.Has(Role.Supervisor))
        {
            var own = await db.Set<Household>().Unscoped(because: Why.OwnRecords).AsNoTracking().SingleOrDefaultAsync(x => x.Id == householdId, ct);
            if (own is not null && own.ContactPersonId == me)
            {
                return own;
            }

            return await households.ReadableAsync(householdId, ct) is null ? HouseholdErrors.NotFound() : Error.Forbidden();
        }

        return Error.Forbidden();
    }

    /// <summary>
    /// Saves an event or visit the caller was allowed to write (checked by <see cref="WorkableAsync"/>): a contact person
    /// whose login is bound to another unit writes into the household's village, past their own scope.
    /// </summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        if (actor.IsAdmin)
        {
            await db.SaveChangesAsync(ct);
            return;
        }

        using (scope.Unscoped(because: Why.OwnRecords))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<HouseholdEvent?> FindAsync(long id, bool tracked, CancellationToken ct)
    {
        // Found past the scope, then checked through its household (a contact person may be bound elsewhere).
        var set = db.Set<HouseholdEvent>().Unscoped(because: Why.OwnRecords);
        return await (tracked ? set : set.AsNoTracking()).SingleOrDefaultAsync(e => e.Id == id, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<HouseholdEventDto> DtoAsync(HouseholdEvent e, CancellationToken ct) => (await DtosAsync([e], withVisits: true, ct))[0];

    private async Task<IReadOnlyList<HouseholdEventDto>> DtosAsync(IReadOnlyList<HouseholdEvent> events, bool withVisits, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var householdIds = events.Select(e => e.HouseholdId).Distinct().ToList();
        var addresses = await db.Set<Household>().Unscoped(because: Why.OwnRecords).AsNoTracking()
            .Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Address, ct);
        IReadOnlyDictionary<long, string> units;
        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            units = await orgs.NamesAsync([.. events.Select(e => e.OrgUnitId).Distinct()], ct);
        }

        var visits = new Dictionary<long, List<HouseholdVisit>>();
        var photos = new Dictionary<long, List<VisitPhotoDto>>();
        if (withVisits)
        {
            var ids = events.Select(e => e.Id).ToList();
            visits = (await db.Set<HouseholdVisit>().Unscoped(because: Why.OwnRecords).AsNoTracking().Where(v => ids.Contains(v.EventId))
                .OrderBy(v => v.VisitedAt).ThenBy(v => v.Id).ToListAsync(ct)).GroupBy(v => v.EventId).ToDictionary(g => g.Key, g => g.ToList());
            using (scope.Unscoped(because: Why.OwnRecords))
            {
                var rows = await db.Set<HouseholdVisitPhoto>().AsNoTracking().Where(p => ids.Contains(p.EventId)).OrderBy(p => p.Id).ToListAsync(ct);
                var infos = await files.DescribeAsync([.. rows.Select(p => p.FileId)], ct);
                photos = rows.Where(p => infos.ContainsKey(p.FileId)).GroupBy(p => p.VisitId).ToDictionary(
                    g => g.Key,
                    g => g.Select(p => new VisitPhotoDto(p.Id, infos[p.FileId].ContentType, infos[p.FileId].Size, $"/api/v1/household-events/{p.EventId}/photos/{p.Id}")).ToList());
            }
        }

        var now = Now;
        return events.Select(e =>
        {
            var light = e.LightAt(now);
            return new HouseholdEventDto(
                e.Id, e.HouseholdId, addresses.GetValueOrDefault(e.HouseholdId), e.OrgUnitId, units.GetValueOrDefault(e.OrgUnitId),
                e.Kind, HouseholdLabels.Kind(e.Kind), Text.ToChinaTime(e.OccurredAt), Text.ToChinaTime(e.DueAt), e.Period, e.Description,
                e.Status, HouseholdLabels.Status(e.Status), e.IsOverdueAt(now), e.WasVisitedLate, light, HouseholdLabels.Light(light),
                e.FirstVisitAt is { } f ? Text.ToChinaTime(f) : null, e.VisitCount,
                withVisits ? [.. visits.GetValueOrDefault(e.Id, []).Select(v => new VisitDto(v.Id, Text.ToChinaTime(v.VisitedAt), v.Note, v.ByPersonId, v.ByLogin, v.VisitedAt <= e.DueAt, photos.GetValueOrDefault(v.Id, [])))] : null);
        }).ToList();
    }
}
