using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Modules.Households.Features.Events;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Households.Features.Households;

/// <summary>API.md's <c>{orgUnitId, address, headPersonId, memberPersonIds, tags?}</c>; tags by their English names.</summary>
public sealed record CreateHouseholdRequest(long? OrgUnitId, string? Address, long? HeadPersonId, IReadOnlyList<long>? MemberPersonIds, IReadOnlyList<string>? Tags);

/// <summary><c>PUT /api/v1/households/{id}</c>: <c>{address, headPersonId, tags}</c> (the head must be a member).</summary>
public sealed record UpdateHouseholdRequest(string? Address, long? HeadPersonId, IReadOnlyList<string>? Tags);

/// <summary><c>{personId}</c> of <c>PUT …/contact-person</c> and <c>POST …/members</c>.</summary>
public sealed record PersonRequest(long? PersonId);

/// <summary><c>GET /api/v1/households?orgUnitId=&amp;tag=&amp;q=</c>.</summary>
public sealed record ListHouseholdsRequest
{
    public long? OrgUnitId { get; set; }

    public HouseholdTag? Tag { get; set; }

    public string? Q { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// Households (DESIGN §9, RULES.md Households): a station admin keeps its village's households (address, head, members,
/// tags) and assigns each a contact person, a party member of the village (1+10); a person joins, moves or leaves, and
/// is in at most one household (the number is kept on the person, ADR 0046). Reads follow RULES.md: the admins of the
/// subtree, the contact person and the members see a household with its tags; a supervisor sees it without them;
/// anyone else gets 404. Every write is audited by the context.
/// </summary>
public sealed class HouseholdsHandler(
    AppDbContext db, CurrentActor actor, OrgScope scope, IOrgDirectory orgs, IHouseholdRoster roster, IPeopleDirectory people, MonthlyVisits monthly, TimeProvider clock)
{
    public async Task<Result<HouseholdDto>> CreateAsync(CreateHouseholdRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new Dictionary<string, string[]>();
        CheckAddress(request.Address, fields);
        var tags = ParseTags(request.Tags, fields);
        if (request.OrgUnitId is null)
        {
            fields["orgUnitId"] = [Required("orgUnitId")];
        }

        if (request.HeadPersonId is null)
        {
            fields["headPersonId"] = [Required("headPersonId")];
        }

        OrgUnitInfo? unit = null;
        if (request.OrgUnitId is { } unitId)
        {
            unit = await orgs.FindAsync(unitId, ct);
            if (unit is null)
            {
                return HouseholdErrors.UnitNotFound();
            }

            if (unit.Level != OrgLevel.Village || unit.CountyId is null)
            {
                fields["orgUnitId"] = [Text.Get("household.unit_not_village")];
            }
        }

        var ids = new List<long>();
        if (request.HeadPersonId is { } head)
        {
            ids.Add(head);
        }

        ids.AddRange((request.MemberPersonIds ?? []).Where(id => !ids.Contains(id)).Distinct());
        var members = new List<RosterPerson>();
        foreach (var id in ids)
        {
            var field = id == request.HeadPersonId ? "headPersonId" : "memberPersonIds";
            if (await roster.FindAsync(id, ct) is not { } person)
            {
                fields[field] = [Text.Get("household.person_not_found", id)];
            }
            else if (person.HouseholdId is not null)
            {
                fields[field] = [Text.Get("household.member_elsewhere", person.Name)];
            }
            else
            {
                members.Add(person);
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var now = Now;
        var household = Household.Create(unit!.CountyId!.Value, unit.Id, request.Address!, request.HeadPersonId!.Value, tags, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(household);
        await db.SaveChangesAsync(ct);
        foreach (var m in members)
        {
            await roster.MoveAsync(m.Id, household.Id, ct);
        }

        await monthly.EnsureAsync(household, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(household, ct);
    }

    public async Task<Result<HouseholdDto>> UpdateAsync(long id, UpdateHouseholdRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var household = await db.Set<Household>().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return HouseholdErrors.NotFound();
        }

        var fields = new Dictionary<string, string[]>();
        CheckAddress(request.Address, fields);
        var tags = ParseTags(request.Tags, fields);
        if (request.HeadPersonId is not { } head)
        {
            fields["headPersonId"] = [Required("headPersonId")];
        }
        else if ((await roster.MembersUnscopedAsync([id], ct)).All(m => m.Id != head))
        {
            fields["headPersonId"] = [Text.Get("household.head_not_member")];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var now = Now;
        household.Update(request.Address!, request.HeadPersonId!.Value, tags, now);
        await monthly.EnsureAsync(household, now, ct);
        return await SaveAsync(household, ct);
    }

    /// <summary>The station names a party member of the village (or of a unit under it) as the household's contact person.</summary>
    public async Task<Result<HouseholdDto>> AssignContactAsync(long id, PersonRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var household = await db.Set<Household>().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return HouseholdErrors.NotFound();
        }

        if (request.PersonId is not { } personId)
        {
            return FieldErrors.One("personId", "validation.required", "validation.required", Text.Get("Households.field.contactPerson"));
        }

        var person = await roster.FindAsync(personId, ct);
        if (person is null)
        {
            return FieldErrors.One("personId", "household.person_not_found", "household.person_not_found", personId);
        }

        if (!person.IsPartyMember)
        {
            return FieldErrors.One("personId", "household.contact_not_party_member", "household.contact_not_party_member", person.Name);
        }

        var under = await orgs.UnitIdsUnderAsync(household.OrgUnitId, ct);
        if (under is null || !await under.AnyAsync(u => u == person.OrgUnitId, ct))
        {
            return FieldErrors.One("personId", "household.contact_other_village", "household.contact_other_village", person.Name);
        }

        household.AssignContact(personId, Now);
        return await SaveAsync(household, ct);
    }

    /// <summary>A person joins this household, leaving the one they were in (a head must hand over first).</summary>
    public async Task<Result<HouseholdDto>> AddMemberAsync(long id, PersonRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var household = await db.Set<Household>().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return HouseholdErrors.NotFound();
        }

        if (request.PersonId is not { } personId)
        {
            return FieldErrors.One("personId", "validation.required", "validation.required", Text.Get("Households.field.member"));
        }

        var person = await roster.FindAsync(personId, ct);
        if (person is null)
        {
            return FieldErrors.One("personId", "household.person_not_found", "household.person_not_found", personId);
        }

        if (person.HouseholdId == id)
        {
            return await DtoAsync(household, ct);
        }

        var now = Now;
        if (person.HouseholdId is { } previousId)
        {
            // The household left behind (possibly in another village, e.g. a marriage) changes too: its version guards a head leaving.
            var previous = await db.Set<Household>().Unscoped(because: Why.CrossUnitReference).SingleOrDefaultAsync(h => h.Id == previousId, ct);
            if (previous is not null)
            {
                if (previous.HeadPersonId == personId)
                {
                    return HouseholdErrors.HeadCannotLeave();
                }

                previous.Touch(now);
            }
        }

        await roster.MoveAsync(personId, id, ct);
        household.Touch(now);
        return await SaveAsync(household, ct);
    }

    public async Task<Result<HouseholdDto>> RemoveMemberAsync(long id, long personId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var household = await db.Set<Household>().SingleOrDefaultAsync(h => h.Id == id, ct);
        if (household is null)
        {
            return HouseholdErrors.NotFound();
        }

        var person = await roster.FindAsync(personId, ct);
        if (person is null || person.HouseholdId != id)
        {
            return FieldErrors.One("personId", "household.not_a_member", "household.not_a_member");
        }

        if (household.HeadPersonId == personId)
        {
            return HouseholdErrors.HeadCannotLeave();
        }

        await roster.MoveAsync(personId, null, ct);
        household.Touch(Now);
        return await SaveAsync(household, ct);
    }

    public async Task<Result<HouseholdDto>> GetAsync(long id, CancellationToken ct)
    {
        var household = await ReadableAsync(id, ct);
        return household is null ? HouseholdErrors.NotFound() : await DtoAsync(household, ct);
    }

    /// <summary>
    /// A household the caller may read: any in the subtree for admins and the supervisor (the scope filter decides);
    /// for anyone else only the one they are in or keep in touch with, wherever their login is bound (404 otherwise).
    /// </summary>
    public async Task<Household?> ReadableAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is null)
        {
            return await db.Set<Household>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct);
        }

        if (actor.PersonId is not { } me)
        {
            return null;
        }

        var household = await db.Set<Household>().Unscoped(because: Why.OwnRecords).AsNoTracking().SingleOrDefaultAsync(h => h.Id == id, ct);
        return household is not null && (household.ContactPersonId == me || await IsMemberAsync(household.Id, me, ct)) ? household : null;
    }

    /// <summary>我的家庭: the household the signed-in person is in.</summary>
    public async Task<Result<HouseholdDto>> MineAsync(CancellationToken ct)
    {
        if (actor.PersonId is not { } me)
        {
            return HouseholdErrors.NoneOfMine();
        }

        long? householdId;
        using (scope.Unscoped(because: Why.OwnRecords))
        {
            householdId = (await roster.FindAsync(me, ct))?.HouseholdId;
        }

        var household = householdId is { } hid
            ? await db.Set<Household>().Unscoped(because: Why.OwnRecords).AsNoTracking().SingleOrDefaultAsync(h => h.Id == hid, ct)
            : null;
        return household is null ? HouseholdErrors.NoneOfMine() : await DtoAsync(household, ct);
    }

    /// <summary>The households the signed-in person keeps in touch with (1+10), overdue ones first.</summary>
    public async Task<Result<IReadOnlyList<HouseholdDto>>> ContactedAsync(CancellationToken ct)
    {
        if (actor.PersonId is not { } me)
        {
            return Array.Empty<HouseholdDto>();
        }

        var households = await db.Set<Household>().Unscoped(because: Why.OwnRecords).AsNoTracking()
            .Where(h => h.ContactPersonId == me).OrderBy(h => h.Address).ThenBy(h => h.Id).ToListAsync(ct);
        var list = await DtosAsync(households, ct);
        return list.OrderByDescending(h => h.OverdueEvents ?? 0).ThenByDescending(h => h.OpenEvents ?? 0).ToList();
    }

    public async Task<Result<PageOf<HouseholdDto>>> ListAsync(ListHouseholdsRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        // A tag filter would tell the supervisor what the tags hide.
        if (request.Tag is not null && !actor.IsAdmin)
        {
            return Error.Forbidden();
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        var (query, invalid) = await FilteredAsync(request, ct);
        if (query is null)
        {
            return invalid!;
        }

        var page = await query.OrderBy(h => h.OrgUnitId).ThenBy(h => h.Address).ThenBy(h => h.Id).ToPageAsync(paging, ct);
        return new PageOf<HouseholdDto>(await DtosAsync(page.Items, ct), page.Page, page.PageSize, page.Total);
    }

    /// <summary>Per village under <paramref name="orgUnitId"/> (default: the caller's unit): households, members, contact persons, events open and overdue.</summary>
    public async Task<Result<IReadOnlyList<VillageOverviewDto>>> OverviewAsync(long? orgUnitId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var units = (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Level == OrgLevel.Village).ToList();
        if (orgUnitId is { } unitId)
        {
            if (await orgs.FindAsync(unitId, ct) is not { } root)
            {
                return HouseholdErrors.UnitNotFound();
            }

            units = [.. units.Where(u => u.Path.StartsWith(root.Path, StringComparison.Ordinal))];
        }

        var ids = units.Select(u => u.Id).ToList();
        var now = Now;
        var households = await db.Set<Household>().AsNoTracking().Where(h => ids.Contains(h.OrgUnitId))
            .Select(h => new { h.Id, h.OrgUnitId, h.ContactPersonId }).ToListAsync(ct);
        var events = await db.Set<HouseholdEvent>().AsNoTracking().Where(e => ids.Contains(e.OrgUnitId) && e.Status == HouseholdEventStatus.Open)
            .GroupBy(e => e.OrgUnitId)
            .Select(g => new { OrgUnitId = g.Key, Open = g.Count(), Overdue = g.Count(e => e.DueAt < now) }).ToListAsync(ct);
        var members = (await roster.MembersUnscopedAsync([.. households.Select(h => h.Id)], ct)).GroupBy(m => m.HouseholdId!.Value).ToDictionary(g => g.Key, g => g.Count());
        return units.Select(u =>
        {
            var own = households.Where(h => h.OrgUnitId == u.Id).ToList();
            var e = events.FirstOrDefault(x => x.OrgUnitId == u.Id);
            return new VillageOverviewDto(
                u.Id, u.Name, own.Count, own.Sum(h => members.GetValueOrDefault(h.Id)), own.Count(h => h.ContactPersonId is not null),
                own.Where(h => h.ContactPersonId is not null).Select(h => h.ContactPersonId).Distinct().Count(), e?.Open ?? 0, e?.Overdue ?? 0);
        }).ToList();
    }

    private async Task<(IQueryable<Household>? Query, Error? Error)> FilteredAsync(ListHouseholdsRequest request, CancellationToken ct)
    {
        var query = db.Set<Household>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return (null, HouseholdErrors.UnitNotFound());
            }

            query = query.Where(h => under.Contains(h.OrgUnitId));
        }

        if (request.Tag is { } tag)
        {
            var guarded = Household.Guarded(tag);
            query = query.Where(h => h.Tags.Contains(guarded));
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var like = QueryExtensions.LikeContains(request.Q.Trim());
            var named = people.IdsNamed(request.Q);
            query = query.Where(h => EF.Functions.Like(h.Address, like, "\\") || named.Contains(h.HeadPersonId));
        }

        return (query, null);
    }

    private static readonly string[] ExportColumns = ["village", "address", "head", "members", "tags", "contact", "open", "overdue"];

    /// <summary>
    /// The households of the filter as an Excel file, tags included. Tags are sensitive (RULES.md), so only admins export,
    /// and each export leaves an audit row saying who exported which filter and how many rows.
    /// </summary>
    public async Task<Result<ExcelFile>> ExportAsync(ListHouseholdsRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (query, invalid) = await FilteredAsync(request, ct);
        if (query is null)
        {
            return invalid!;
        }

        var count = await query.CountAsync(ct);
        if (count > ExcelExport.MaxRows)
        {
            return ExcelExport.TooMany(count);
        }

        var rows = await DtosAsync(await query.OrderBy(h => h.OrgUnitId).ThenBy(h => h.Address).ThenBy(h => h.Id).ToListAsync(ct), ct);
        db.AuditDirectWrite(AuditAction.Created, "HouseholdExport", 0, actor.OrgUnitId ?? 0, new Dictionary<string, object?>
        {
            ["OrgUnitId"] = request.OrgUnitId,
            ["Tag"] = request.Tag?.ToString(),
            ["Q"] = request.Q,
            ["Rows"] = count,
        });
        await db.SaveChangesAsync(ct);
        string[] headers = [.. ExportColumns.Select(c => Text.Get("Households.col." + c))];
        var data = rows.Select(h => (IReadOnlyList<object?>)
        [
            h.OrgUnitName, h.Address, h.HeadName, string.Join("、", h.Members.Select(m => m.Name)), string.Join("、", h.TagLabels ?? []), h.ContactPersonName, h.OpenEvents, h.OverdueEvents,
        ]);
        return ExcelExport.File("Households.export.file", Now, new ExcelSheet(Text.Get("Households.export.sheet"), headers, data));
    }

    private async Task<Result<HouseholdDto>> SaveAsync(Household household, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return HouseholdErrors.Changed();
        }

        return await DtoAsync(household, ct);
    }

    private async Task<bool> IsMemberAsync(long householdId, long personId, CancellationToken ct) =>
        (await roster.MembersUnscopedAsync([householdId], ct)).Any(m => m.Id == personId);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<HouseholdDto> DtoAsync(Household household, CancellationToken ct) => (await DtosAsync([household], ct))[0];

    /// <summary>The households with their members, names and (for those who may see them) tags and event counts.</summary>
    public async Task<IReadOnlyList<HouseholdDto>> DtosAsync(IReadOnlyList<Household> households, CancellationToken ct)
    {
        if (households.Count == 0)
        {
            return [];
        }

        var ids = households.Select(h => h.Id).ToList();
        var members = await roster.MembersUnscopedAsync(ids, ct);
        var contactIds = households.Select(h => h.ContactPersonId).OfType<long>().Distinct().ToList();
        IReadOnlyDictionary<long, string> contactNames;
        IReadOnlyDictionary<long, string> unitNames;
        // The contact person and the village are named for a member reading from another unit: a name, nothing more.
        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            contactNames = await people.NamesAsync(contactIds, ct);
            unitNames = await orgs.NamesAsync([.. households.Select(h => h.OrgUnitId).Distinct()], ct);
        }

        var now = Now;
        var counts = await db.Set<HouseholdEvent>().Unscoped(because: Why.OwnRecords).AsNoTracking()
            .Where(e => ids.Contains(e.HouseholdId) && e.Status == HouseholdEventStatus.Open)
            .GroupBy(e => e.HouseholdId)
            .Select(g => new { HouseholdId = g.Key, Open = g.Count(), Overdue = g.Count(e => e.DueAt < now) }).ToListAsync(ct);
        return households.Select(h =>
        {
            var own = members.Where(m => m.HouseholdId == h.Id).OrderByDescending(m => m.Id == h.HeadPersonId).ThenBy(m => m.BirthDate).ToList();
            var sensitive = SeesSensitive(h, own);
            var c = counts.FirstOrDefault(x => x.HouseholdId == h.Id);
            var tags = h.TagList;
            return new HouseholdDto(
                h.Id,
                h.OrgUnitId,
                unitNames.GetValueOrDefault(h.OrgUnitId),
                h.Address,
                h.HeadPersonId,
                own.FirstOrDefault(m => m.Id == h.HeadPersonId)?.Name,
                h.ContactPersonId,
                h.ContactPersonId is { } cp ? contactNames.GetValueOrDefault(cp) : null,
                [.. own.Select(m => new HouseholdMemberDto(m.Id, m.Name, m.Id == h.HeadPersonId, m.IdNumberMasked, m.BirthDate.Year))],
                sensitive ? tags : null,
                sensitive ? [.. tags.Select(HouseholdLabels.Tag)] : null,
                sensitive ? c?.Open ?? 0 : null,
                sensitive ? c?.Overdue ?? 0 : null,
                h.Version);
        }).ToList();
    }

    /// <summary>RULES.md: the station's admins and those above (in scope, hence admins), the contact person, and the household's own members.</summary>
    private bool SeesSensitive(Household h, IReadOnlyList<RosterPerson> members) =>
        actor.IsAdmin || (actor.PersonId is { } me && (h.ContactPersonId == me || members.Any(m => m.Id == me)));

    private static void CheckAddress(string? address, Dictionary<string, string[]> fields)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            fields["address"] = [Required("address")];
        }
        else if (address.Trim().Length > Household.MaxAddressLength)
        {
            fields["address"] = [Text.Get("validation.too_long", Text.Get("Households.field.address"), Household.MaxAddressLength)];
        }
    }

    /// <summary>Tags by English name (<c>EmptyNestElder</c>) or Chinese label (空巢老人), so an import sheet may use either.</summary>
    public static List<HouseholdTag> ParseTags(IReadOnlyList<string>? tags, Dictionary<string, string[]> fields)
    {
        var parsed = new List<HouseholdTag>();
        foreach (var raw in tags ?? [])
        {
            var t = raw?.Trim() ?? "";
            if (Enum.TryParse<HouseholdTag>(t, ignoreCase: true, out var tag) && Enum.IsDefined(tag) && !int.TryParse(t, out _))
            {
                parsed.Add(tag);
            }
            else if (Enum.GetValues<HouseholdTag>().FirstOrDefault(x => HouseholdLabels.Tag(x) == t) is var byLabel && byLabel != default)
            {
                parsed.Add(byLabel);
            }
            else
            {
                fields["tags"] = [Text.Get("household.tag_unknown", t)];
            }
        }

        return parsed;
    }

    internal static string Required(string field) => Text.Get("validation.required", Text.Get("Households.field." + field));
}
