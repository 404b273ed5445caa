using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Venues.Features;

/// <summary>API.md's body: the booking unit, the time (ISO 8601 with offset) and what for.</summary>
public sealed record BookVenueRequest(long? OrgUnitId, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Purpose);

public sealed record DecideBookingRequest(string? Reason);

public sealed record ListBookingsRequest(long? VenueId = null, BookingStatus? Status = null, int Page = 1, int PageSize = 20);

/// <summary>
/// Bookings: any admin of the county books any of its venues for one of their units within RULES.md's limits; the
/// owner approves where the venue asks for it; the booking unit or the owner cancels. Two holding bookings of a
/// venue never overlap: every attempt first raises the venue's lock row in its transaction (ADR 0048), so the check
/// for a free slot and the insert are one step for everyone else, on PostgreSQL and on SQLite.
/// </summary>
public sealed class BookingsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, VenuesHandler venues, TimeProvider clock)
{
    public async Task<Result<BookingDto>> BookAsync(long venueId, BookVenueRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Venues.field.orgUnitId");
        }

        if (request.StartsAt is null)
        {
            fields.AddRequired("startsAt", "Venues.field.startsAt");
        }

        if (request.EndsAt is null)
        {
            fields.AddRequired("endsAt", "Venues.field.endsAt");
        }

        var purpose = request.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose))
        {
            fields.AddRequired("purpose", "Venues.field.purpose");
        }
        else if (purpose.Length > VenueBooking.MaxPurposeLength)
        {
            fields.AddTooLong("purpose", "Venues.field.purpose", VenueBooking.MaxPurposeLength);
        }

        if (fields.ToError() is { } missing)
        {
            return missing;
        }

        if (await venues.Visible().AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct) is not { } venue)
        {
            return VenueErrors.VenueNotFound();
        }

        // The booking unit must be the caller's own (or below it) and in the venue's county: no booking in another's name.
        if (await orgs.FindAsync(request.OrgUnitId!.Value, ct) is not { } unit || unit.CountyId != venue.CountyId)
        {
            return Error.NotFound("org.not_found");
        }

        if (CheckLimits(venue, request.StartsAt!.Value, request.EndsAt!.Value) is { } outside)
        {
            return outside;
        }

        var startsAt = request.StartsAt.Value.UtcDateTime;
        var endsAt = request.EndsAt.Value.UtcDateTime;
        var now = clock.GetUtcNow().UtcDateTime;
        var confirmed = !venue.RequiresApproval || await venues.CanManageAsync(venue, ct);
        var booking = VenueBooking.Create(venue, unit.Id, unit.Name, startsAt, endsAt, purpose!, confirmed, actor.UserId, actor.Login, now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The lock row (ADR 0048): on PostgreSQL this UPDATE waits for any other booking transaction of the venue to
        // end, on SQLite the write lock does; the overlap check below then sees every booking committed before.
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE venues SET "BookingVersion" = "BookingVersion" + 1 WHERE "Id" = {venue.Id} AND "CountyId" = {venue.CountyId}""", ct);
        var taken = await db.Set<VenueBooking>().AnyAsync(
            b => b.CountyId == venue.CountyId && b.VenueId == venue.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.StartsAt < endsAt && b.EndsAt > startsAt, ct);
        if (taken)
        {
            await transaction.RollbackAsync(ct);
            return VenueErrors.Overlap();
        }

        db.Add(booking);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return BookingDto.From(booking, venue.Name, canDecide: !confirmed && await venues.CanManageAsync(venue, ct), canCancel: true);
    }

    /// <summary>
    /// A recurring activity's bookings (ADR 0063): one per span for the unit, all or none, in the caller's transaction or
    /// its own, on the venue's lock row. The span limits hold except the 60-day horizon: a series is planned for the year
    /// and its whole run is held at once (the owner's approval still applies where the venue asks for it).
    /// </summary>
    public async Task<Result<IReadOnlyList<long>>> BookAllAsync(long venueId, long orgUnitId, string purpose, IReadOnlyList<VenueSpan> spans, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await venues.Visible().AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct) is not { } venue)
        {
            return FieldErrors.One("venueId", "venue.not_found", "Venues.error.venue_not_found");
        }

        if (await orgs.FindAsync(orgUnitId, ct) is not { } unit || unit.CountyId != venue.CountyId)
        {
            return Error.NotFound("org.not_found");
        }

        foreach (var span in spans)
        {
            if (CheckLimits(venue, Text.ToChinaTime(span.StartsAt), Text.ToChinaTime(span.EndsAt), horizon: false) is { } outside)
            {
                return outside;
            }
        }

        var confirmed = !venue.RequiresApproval || await venues.CanManageAsync(venue, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = purpose.Length <= VenueBooking.MaxPurposeLength ? purpose : purpose[..VenueBooking.MaxPurposeLength];
        var rows = spans.Select(s => VenueBooking.Create(venue, unit.Id, unit.Name, s.StartsAt, s.EndsAt, text, confirmed, actor.UserId, actor.Login, now)).ToList();

        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await LockAsync(venue, ct);
        if (await TakenDatesAsync(venue, spans, [], ct) is { Count: > 0 } taken)
        {
            // Without our own transaction the caller's rolls back on this answer; ours is disposed uncommitted.
            return VenueErrors.OverlapOn(taken);
        }

        db.AddRange(rows);
        await db.SaveChangesAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>Held bookings follow their activities to new times, in the caller's transaction: each venue is locked, the new spans checked against the others.</summary>
    public async Task<Error?> MoveAllAsync(IReadOnlyDictionary<long, VenueSpan> moves, CancellationToken ct)
    {
        if (moves.Count == 0)
        {
            return null;
        }

        var ids = moves.Keys.ToList();
        var county = actor.CountyId;
        var rows = await db.Set<VenueBooking>().Where(b => ids.Contains(b.Id) && (county == null || b.CountyId == county)).ToListAsync(ct);
        foreach (var group in rows.Where(b => b.Holds).GroupBy(b => b.VenueId))
        {
            if (await db.Set<Venue>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == group.Key, ct) is not { } venue)
            {
                continue;
            }

            var spans = group.Select(b => moves[b.Id]).ToList();
            foreach (var span in spans)
            {
                if (!BookingRules.InsideOpeningHours(venue, Text.ToChinaTime(span.StartsAt), Text.ToChinaTime(span.EndsAt)))
                {
                    return FieldErrors.One("startTime", "booking.outside_hours", "Venues.error.outside_hours", venue.OpeningHours);
                }
            }

            await LockAsync(venue, ct);
            if (await TakenDatesAsync(venue, spans, [.. group.Select(b => b.Id)], ct) is { Count: > 0 } taken)
            {
                return VenueErrors.OverlapOn(taken);
            }

            foreach (var booking in group)
            {
                booking.MoveTo(moves[booking.Id].StartsAt, moves[booking.Id].EndsAt);
            }
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The lock row (ADR 0048): the first write of a booking transaction, so the check after it sees every booking committed before.</summary>
    private async Task LockAsync(Venue venue, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE venues SET "BookingVersion" = "BookingVersion" + 1 WHERE "Id" = {venue.Id} AND "CountyId" = {venue.CountyId}""", ct);

    /// <summary>The China dates of the spans that a holding booking (other than <paramref name="except"/>) overlaps.</summary>
    private async Task<List<DateOnly>> TakenDatesAsync(Venue venue, IReadOnlyList<VenueSpan> spans, List<long> except, CancellationToken ct)
    {
        var (from, to) = (spans.Min(s => s.StartsAt), spans.Max(s => s.EndsAt));
        var held = await db.Set<VenueBooking>().AsNoTracking()
            .Where(b => b.CountyId == venue.CountyId && b.VenueId == venue.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.StartsAt < to && b.EndsAt > from && !except.Contains(b.Id))
            .Select(b => new { b.StartsAt, b.EndsAt }).ToListAsync(ct);
        return [.. spans.Where(s => held.Any(h => h.StartsAt < s.EndsAt && h.EndsAt > s.StartsAt))
            .Select(s => DateOnly.FromDateTime(Text.ToChinaTime(s.StartsAt).DateTime)).Distinct().Order()];
    }

    /// <summary>RULES.md: 30 minutes to one day, starting in the future and at most 60 days ahead (by the China date; <paramref name="horizon"/> false for a series, ADR 0063), inside the venue's opening hours.</summary>
    public Error? CheckLimits(Venue venue, DateTimeOffset startsAt, DateTimeOffset endsAt, bool horizon = true)
    {
        var fields = new FieldErrors();
        var length = endsAt - startsAt;
        if (length < BookingRules.Shortest)
        {
            fields.Add("endsAt", "Venues.error.too_short");
        }
        else if (length > BookingRules.Longest)
        {
            fields.Add("endsAt", "Venues.error.too_long");
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(Text.ChinaOffset).DateTime);
        var startDay = DateOnly.FromDateTime(startsAt.ToOffset(Text.ChinaOffset).DateTime);
        if (startsAt <= now)
        {
            fields.Add("startsAt", "Venues.error.in_past");
        }
        else if (horizon && startDay > today.AddDays(BookingRules.MostDaysAhead))
        {
            fields.Add("startsAt", "Venues.error.too_far", BookingRules.MostDaysAhead);
        }
        else if (length >= BookingRules.Shortest && length <= BookingRules.Longest && !BookingRules.InsideOpeningHours(venue, startsAt, endsAt))
        {
            fields.Add("startsAt", "Venues.error.outside_hours", venue.OpeningHours);
        }

        return fields.ToError();
    }

    public Task<Result<BookingDto>> ApproveAsync(long id, CancellationToken ct) => DecideAsync(id, approve: true, null, ct);

    public Task<Result<BookingDto>> RejectAsync(long id, DecideBookingRequest request, CancellationToken ct) => DecideAsync(id, approve: false, request.Reason, ct);

    public async Task<Result<BookingDto>> CancelAsync(long id, DecideBookingRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (CheckReason(request.Reason, required: false) is { } invalid)
        {
            return invalid;
        }

        if (await FindAsync(id, ct) is not { } found)
        {
            return VenueErrors.BookingNotFound();
        }

        var (booking, venue) = found;
        var mine = await orgs.FindAsync(booking.OrgUnitId, ct) is not null;
        if (!mine && !await venues.CanManageAsync(venue, ct))
        {
            return Error.Forbidden();
        }

        // A booking that is over is history (the use it counts for), not something to cancel.
        var now = clock.GetUtcNow().UtcDateTime;
        if (booking.EndsAt <= now || !booking.Cancel(Blank(request.Reason), actor.Login, now))
        {
            return VenueErrors.WrongState();
        }

        return await SaveStateAsync(booking, venue, ct);
    }

    /// <summary>One venue's holding bookings from <paramref name="from"/> (China date) for <paramref name="days"/> days: the week calendar.</summary>
    public async Task<Result<IReadOnlyList<BookingDto>>> WeekAsync(long venueId, DateOnly from, int days, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (days is < 1 or > 31)
        {
            return Invalid("days", "Venues.error.days_range");
        }

        if (await venues.Visible().AsNoTracking().SingleOrDefaultAsync(v => v.Id == venueId, ct) is not { } venue)
        {
            return VenueErrors.VenueNotFound();
        }

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Text.ChinaOffset).UtcDateTime;
        var end = start.AddDays(days);
        var rows = await db.Set<VenueBooking>().AsNoTracking()
            .Where(b => b.CountyId == venue.CountyId && b.VenueId == venueId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.StartsAt < end && b.EndsAt > start)
            .OrderBy(b => b.StartsAt).ToListAsync(ct);
        var owner = await venues.CanManageAsync(venue, ct);
        var mine = await MineAsync(rows.Select(b => b.OrgUnitId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.Select(b => BookingDto.From(b, venue.Name, owner, b.EndsAt > now && (owner || mine.Contains(b.OrgUnitId)), mine.Contains(b.OrgUnitId))).ToList();
    }

    /// <summary>
    /// Bookings the caller answers for: those of their units, and those of the venues their units own (to approve or
    /// cancel); newest start first.
    /// </summary>
    public async Task<Result<PageOf<BookingDto>>> ListAsync(ListBookingsRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        if (actor.OrgUnitId is not { } home || await orgs.UnitIdsUnderAsync(home, ct) is not { } under)
        {
            return Error.Forbidden();
        }

        var county = actor.CountyId;
        var ownedVenues = venues.Visible().Where(v => under.Contains(v.OrgUnitId)).Select(v => v.Id);
        var query = db.Set<VenueBooking>().AsNoTracking()
            .Where(b => (county == null || b.CountyId == county) && (under.Contains(b.OrgUnitId) || ownedVenues.Contains(b.VenueId)));
        if (request.VenueId is { } venueId)
        {
            query = query.Where(b => b.VenueId == venueId);
        }

        if (request.Status is { } status)
        {
            query = query.Where(b => b.Status == status);
        }

        var page = await query.OrderByDescending(b => b.StartsAt).ThenByDescending(b => b.Id).ToPageAsync(paging, ct);
        var ids = page.Items.Select(b => b.VenueId).Distinct().ToList();
        var found = await db.Set<Venue>().AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        var names = found.ToDictionary(v => v.Id, v => v.Name);
        var owned = await venues.OwnedAsync(found.Select(v => v.OrgUnitId), ct);
        var ownedIds = found.Where(v => owned.Contains(v.OrgUnitId)).Select(v => v.Id).ToHashSet();
        var mine = await MineAsync(page.Items.Select(b => b.OrgUnitId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new PageOf<BookingDto>(
            [.. page.Items.Select(b => BookingDto.From(b, names.GetValueOrDefault(b.VenueId), ownedIds.Contains(b.VenueId), b.EndsAt > now && (ownedIds.Contains(b.VenueId) || mine.Contains(b.OrgUnitId)), mine.Contains(b.OrgUnitId)))],
            page.Page, page.PageSize, page.Total);
    }

    /// <summary>Confirmed use per venue of the caller's county and month of <paramref name="year"/> (China time, by the start).</summary>
    public async Task<Result<UsageDto>> UsageAsync(int year, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (year is < 2000 or > 2100)
        {
            return Invalid("year", "Venues.error.year_range");
        }

        var list = await venues.Visible().AsNoTracking().OrderBy(v => v.OrgUnitId).ThenBy(v => v.Id).ToListAsync(ct);
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, Text.ChinaOffset).UtcDateTime;
        var to = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, Text.ChinaOffset).UtcDateTime;
        var county = actor.CountyId;
        var rows = await db.Set<VenueBooking>().AsNoTracking()
            .Where(b => (county == null || b.CountyId == county) && b.Status == BookingStatus.Confirmed && b.StartsAt >= from && b.StartsAt < to)
            .Select(b => new { b.VenueId, b.StartsAt, b.EndsAt })
            .ToListAsync(ct);
        var byVenue = rows.ToLookup(r => r.VenueId);
        var usage = list.Select(v =>
        {
            var counts = new int[12];
            var hours = new double[12];
            foreach (var r in byVenue[v.Id])
            {
                var month = Text.ToChinaTime(r.StartsAt).Month - 1;
                counts[month]++;
                hours[month] += (r.EndsAt - r.StartsAt).TotalHours;
            }

            return new VenueUsageDto(v.Id, v.Name, v.OwnerName, counts, [.. hours.Select(h => Math.Round(h, 1))], counts.Sum(), Math.Round(hours.Sum(), 1));
        }).ToList();
        return new UsageDto(year, usage);
    }

    private async Task<Result<BookingDto>> DecideAsync(long id, bool approve, string? reason, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (CheckReason(reason, required: !approve) is { } invalid)
        {
            return invalid;
        }

        if (await FindAsync(id, ct) is not { } found)
        {
            return VenueErrors.BookingNotFound();
        }

        var (booking, venue) = found;
        if (!await venues.CanManageAsync(venue, ct))
        {
            return Error.Forbidden();
        }

        if (!booking.Decide(approve, Blank(reason), actor.Login, clock.GetUtcNow().UtcDateTime))
        {
            return VenueErrors.WrongState();
        }

        return await SaveStateAsync(booking, venue, ct);
    }

    private async Task<Result<BookingDto>> SaveStateAsync(VenueBooking booking, Venue venue, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Decided or cancelled a moment ago by another request: the status token decided.
            db.ChangeTracker.Clear();
            return VenueErrors.WrongState();
        }

        return BookingDto.From(booking, venue.Name);
    }

    private async Task<(VenueBooking Booking, Venue Venue)?> FindAsync(long id, CancellationToken ct)
    {
        var county = actor.CountyId;
        if (await db.Set<VenueBooking>().SingleOrDefaultAsync(b => b.Id == id && (county == null || b.CountyId == county), ct) is not { } booking)
        {
            return null;
        }

        var venue = await venues.Visible().AsNoTracking().SingleOrDefaultAsync(v => v.Id == booking.VenueId, ct);
        return venue is null ? null : (booking, venue);
    }

    private async Task<HashSet<long>> MineAsync(IEnumerable<long> unitIds, CancellationToken ct) =>
        actor.IsAdmin ? [.. (await orgs.NamesAsync([.. unitIds.Distinct()], ct)).Keys] : [];

    private static Error? CheckReason(string? reason, bool required)
    {
        var fields = new FieldErrors();
        if (string.IsNullOrWhiteSpace(reason))
        {
            if (required)
            {
                fields.AddRequired("reason", "Venues.field.reason");
            }
        }
        else if (reason.Trim().Length > VenueBooking.MaxPurposeLength)
        {
            fields.AddTooLong("reason", "Venues.field.reason", VenueBooking.MaxPurposeLength);
        }

        return fields.ToError();
    }

    private static Error Invalid(string field, string key)
    {
        var fields = new FieldErrors();
        fields.Add(field, key);
        return fields.ToError()!;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
