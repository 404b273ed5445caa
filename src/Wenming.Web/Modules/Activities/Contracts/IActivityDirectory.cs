using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Activities.Contracts;

/// <summary>What other modules need to know about an activity.</summary>
/// <param name="TeamId">The organizing volunteer team, if any.</param>
public sealed record ActivityInfo(long Id, long OrgUnitId, long? TeamId, string Title);

/// <summary>A published activity as the public portal shows it: what, where, when, and whether volunteers may still sign up.</summary>
public sealed record PublicActivityInfo(long Id, long OrgUnitId, string Title, string Place, DateTime StartsAt, DateTime EndsAt, int Capacity, int EnrolledCount, bool Recruiting);

/// <summary>Read-only look-ups of activities for other modules.</summary>
public interface IActivityDirectory
{
    /// <summary>An activity regardless of scope: only for callers that already authorized the source (system reactions to events).</summary>
    Task<ActivityInfo?> FindUnscopedAsync(long activityId, CancellationToken ct = default);

    /// <summary>The published activities of these units that have not ended, soonest first (the public portal: anyone may read them).</summary>
    Task<IReadOnlyList<PublicActivityInfo>> UpcomingPublicAsync(IReadOnlyCollection<long> unitIds, DateTime nowUtc, int take, CancellationToken ct = default);
}

internal sealed class ActivityDirectory(AppDbContext db) : IActivityDirectory
{
    public Task<ActivityInfo?> FindUnscopedAsync(long activityId, CancellationToken ct = default) =>
        db.Set<Activity>().Unscoped(because: Why.SystemOperation).AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new ActivityInfo(a.Id, a.OrgUnitId, a.TeamId, a.Title))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<PublicActivityInfo>> UpcomingPublicAsync(IReadOnlyCollection<long> unitIds, DateTime nowUtc, int take, CancellationToken ct = default) =>
        await db.Set<Activity>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
            .Where(a => unitIds.Contains(a.OrgUnitId) && a.Status == ActivityStatus.Published && a.EndsAt > nowUtc)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Take(take)
            .Select(a => new PublicActivityInfo(a.Id, a.OrgUnitId, a.Title, a.Place, a.StartsAt, a.EndsAt, a.Capacity, a.EnrolledCount,
                a.EnrolledCount < a.Capacity && (a.SignUpEndsAt == null || a.SignUpEndsAt > nowUtc)))
            .ToListAsync(ct);
}
