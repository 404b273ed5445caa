using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Venues.Features;

/// <summary>API.md's body <c>{orgUnitId, name, capacity}</c>, with optional opening hours ("HH:mm", default 08:00–21:00), address, facilities, approval.</summary>
public sealed record CreateVenueRequest(long? OrgUnitId, string? Name, int? Capacity, string? Address = null, string? Facilities = null, string? OpensAt = null, string? ClosesAt = null, bool? RequiresApproval = null);

public sealed record ListVenuesRequest(int Page = 1, int PageSize = 100);

/// <summary>
/// The county's venues: a unit's admins list their rooms and halls; every admin and supervisor of the county sees
/// them all (that is the point: any unit books any of them). Venues are county rows, so the county is named here.
/// </summary>
public sealed class VenuesHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IFileStore files, OrgScope scope, TimeProvider clock)
{
    public const string DefaultOpens = "08:00";
    public const string DefaultCloses = "21:00";

    public async Task<Result<VenueDto>> CreateAsync(CreateVenueRequest request, CancellationToken ct)
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

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            fields.AddRequired("name", "Venues.field.name");
        }
        else if (name.Length > Venue.MaxNameLength)
        {
            fields.AddTooLong("name", "Venues.field.name", Venue.MaxNameLength);
        }

        if (request.Capacity is null)
        {
            fields.AddRequired("capacity", "Venues.field.capacity");
        }
        else if (request.Capacity is < 1 or > Venue.MaxCapacity)
        {
            fields.Add("capacity", "Venues.error.capacity_range", Venue.MaxCapacity);
        }

        if (request.Address?.Trim().Length > Venue.MaxTextLength)
        {
            fields.AddTooLong("address", "Venues.field.address", Venue.MaxTextLength);
        }

        if (request.Facilities?.Trim().Length > Venue.MaxTextLength)
        {
            fields.AddTooLong("facilities", "Venues.field.facilities", Venue.MaxTextLength);
        }

        var opens = BookingRules.ParseClock(string.IsNullOrWhiteSpace(request.OpensAt) ? DefaultOpens : request.OpensAt.Trim());
        var closes = BookingRules.ParseClock(string.IsNullOrWhiteSpace(request.ClosesAt) ? DefaultCloses : request.ClosesAt.Trim());
        if (opens is null || opens == 1440)
        {
            fields.Add("opensAt", "Venues.error.clock_format");
        }

        if (closes is null)
        {
            fields.Add("closesAt", "Venues.error.clock_format");
        }
        else if (opens is { } o && closes - o < (int)BookingRules.Shortest.TotalMinutes)
        {
            fields.Add("closesAt", "Venues.error.hours_order");
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await orgs.FindAsync(request.OrgUnitId!.Value, ct) is not { CountyId: { } countyId } unit)
        {
            return Error.NotFound("org.not_found");
        }

        if (await db.Set<Venue>().AnyAsync(v => v.CountyId == countyId && v.Name == name, ct))
        {
            return VenueErrors.DuplicateName();
        }

        var venue = Venue.Create(countyId, unit.Id, unit.Name, name!, request.Capacity!.Value, Blank(request.Address), Blank(request.Facilities), opens!.Value, closes!.Value,
            request.RequiresApproval ?? false, clock.GetUtcNow().UtcDateTime);
        db.Add(venue);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same name added a moment ago by another request: the unique index decided.
            db.ChangeTracker.Clear();
            return VenueErrors.DuplicateName();
        }

        return VenueDto.From(venue, canManage: true, []);
    }

    public async Task<Result<PageOf<VenueDto>>> ListAsync(ListVenuesRequest request, CancellationToken ct)
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

        var page = await Visible().AsNoTracking().OrderBy(v => v.OrgUnitId).ThenBy(v => v.Id).ToPageAsync(paging, ct);
        var owned = await OwnedAsync(page.Items.Select(v => v.OrgUnitId), ct);
        var photos = await PhotosAsync([.. page.Items.Select(v => v.Id)], ct);
        return new PageOf<VenueDto>([.. page.Items.Select(v => VenueDto.From(v, owned.Contains(v.OrgUnitId), photos.GetValueOrDefault(v.Id) ?? []))], page.Page, page.PageSize, page.Total);
    }

    public async Task<Result<VenueDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (await Visible().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) is not { } venue)
        {
            return VenueErrors.VenueNotFound();
        }

        return VenueDto.From(venue, await CanManageAsync(venue, ct), (await PhotosAsync([venue.Id], ct)).GetValueOrDefault(venue.Id) ?? []);
    }

    /// <summary>The venues of the caller's county (all of them for a system admin bound to no county).</summary>
    public IQueryable<Venue> Visible()
    {
        var county = actor.CountyId;
        return county is null && actor.IsSystemAdmin ? db.Set<Venue>() : db.Set<Venue>().Where(v => v.CountyId == county);
    }

    /// <summary>Whether the caller administers the unit that owns the venue (approves, changes).</summary>
    public async Task<bool> CanManageAsync(Venue venue, CancellationToken ct) =>
        actor.IsAdmin && await orgs.FindAsync(venue.OrgUnitId, ct) is not null;

    public async Task<HashSet<long>> OwnedAsync(IEnumerable<long> unitIds, CancellationToken ct)
    {
        if (!actor.IsAdmin)
        {
            return [];
        }

        var names = await orgs.NamesAsync([.. unitIds.Distinct()], ct);
        return [.. names.Keys];
    }

    /// <summary>The photos of these venues, oldest first, for their JSON and pages.</summary>
    public async Task<Dictionary<long, IReadOnlyList<VenuePhotoDto>>> PhotosAsync(IReadOnlyCollection<long> venueIds, CancellationToken ct)
    {
        if (venueIds.Count == 0)
        {
            return [];
        }

        var rows = await db.Set<VenuePhoto>().AsNoTracking().Where(p => venueIds.Contains(p.VenueId)).OrderBy(p => p.Id).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        Dictionary<long, StoredFileInfo> infos;
        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            infos = (await files.DescribeAsync([.. rows.Select(p => p.FileId)], ct)).ToDictionary();
        }

        return rows.Where(p => infos.ContainsKey(p.FileId)).GroupBy(p => p.VenueId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<VenuePhotoDto>)[.. g.Select(p => new VenuePhotoDto(p.Id, infos[p.FileId].ContentType, infos[p.FileId].Size, $"/api/v1/venues/{p.VenueId}/photos/{p.Id}"))]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
