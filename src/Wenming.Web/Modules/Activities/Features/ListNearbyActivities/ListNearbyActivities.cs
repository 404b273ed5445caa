using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.ListNearbyActivities;

public sealed record NearbyActivityDto(ActivityDto Activity, int Distance, EnrollmentStatus? MyStatus, int? MyPosition);

/// <summary>
/// Published and under-way activities "near" the signed-in person: their own unit, then the township, then the county.
/// This deliberately widens the normal subtree scope (which only looks down from the bound unit):
/// the query ignores the scope filter and lists only the explicit ancestor ids from the unit's path.
/// </summary>
public sealed class ListNearbyActivitiesHandler(AppDbContext db, CurrentActor actor, ActivityAccess access, Volunteers.Contracts.IVolunteerDirectory volunteers, TimeProvider clock)
{
    public async Task<Result<PageOf<NearbyActivityDto>>> HandleAsync(PageRequest paging, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return Error.Forbidden();
        }

        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        var path = await access.PathUpwardsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var activities = await db.Set<Activity>().Unscoped(because: Why.UnitAbove).AsNoTracking()
            .Where(a => path.Contains(a.OrgUnitId) && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Ongoing) && a.EndsAt > now)
            .ToListAsync(ct);
        var ordered = activities
            .OrderBy(a => IndexOf(path, a.OrgUnitId)).ThenBy(a => a.StartsAt).ThenBy(a => a.Id)
            .ToList();
        var page = ordered.Skip(paging.Skip).Take(paging.SafePageSize).ToList();

        var mine = new Dictionary<long, Enrollment>();
        if (actor.PersonId is { } personId && await volunteers.FindByPersonUnscopedAsync(personId, ct) is { } me)
        {
            var ids = page.Select(a => a.Id).ToList();
            mine = await db.Set<Enrollment>().AsNoTracking().Where(e => e.VolunteerId == me.Id && ids.Contains(e.ActivityId)).ToDictionaryAsync(e => e.ActivityId, ct);
        }

        return new PageOf<NearbyActivityDto>(
            [.. page.Select(a => new NearbyActivityDto(ActivityDto.From(a), IndexOf(path, a.OrgUnitId), mine.GetValueOrDefault(a.Id)?.Status, mine.GetValueOrDefault(a.Id)?.Position))],
            paging.SafePage, paging.SafePageSize, ordered.Count);
    }

    private static int IndexOf(IReadOnlyList<long> path, long unitId)
    {
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i] == unitId)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
