using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Activities.Contracts;

/// <summary>What other modules need to know about an activity.</summary>
/// <param name="TeamId">The organizing volunteer team, if any.</param>
public sealed record ActivityInfo(long Id, long OrgUnitId, long? TeamId, string Title);

/// <summary>Read-only look-ups of activities for other modules.</summary>
public interface IActivityDirectory
{
    /// <summary>An activity regardless of scope: only for callers that already authorized the source (system reactions to events).</summary>
    Task<ActivityInfo?> FindUnscopedAsync(long activityId, CancellationToken ct = default);
}

internal sealed class ActivityDirectory(AppDbContext db) : IActivityDirectory
{
    public Task<ActivityInfo?> FindUnscopedAsync(long activityId, CancellationToken ct = default) =>
        db.Set<Activity>().Unscoped(because: Why.SystemOperation).AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new ActivityInfo(a.Id, a.OrgUnitId, a.TeamId, a.Title))
            .SingleOrDefaultAsync(ct);
}
