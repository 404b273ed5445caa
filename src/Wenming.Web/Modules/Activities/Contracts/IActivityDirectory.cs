using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Activities.Contracts;

/// <summary>What other modules need to know about an activity.</summary>
/// <param name="TeamId">The organizing volunteer team, if any.</param>
public sealed record ActivityInfo(long Id, long OrgUnitId, long? TeamId, string Title);

/// <summary>A published activity as the public portal shows it: what, where, when, and whether volunteers may still sign up.</summary>
public sealed record PublicActivityInfo(long Id, long OrgUnitId, string Title, string Place, DateTime StartsAt, DateTime EndsAt, int Capacity, int EnrolledCount, bool Recruiting);

/// <summary>A photo of an activity's archive: the stored file and its caption.</summary>
public sealed record ArchivePhotoInfo(long FileId, string? Caption);

/// <summary>
/// What an activity's report is drafted from (issue 16): the facts of the activity, how many attended and the service
/// hours their attendance counts for (<see cref="Domain.AttendanceRules.ServiceMinutes"/>), and the archive's photos.
/// </summary>
public sealed record ActivityReportSource(
    long Id, long OrgUnitId, string Title, string Place, DateTime StartsAt, DateTime EndsAt, bool Ended, int Participants, decimal Hours, IReadOnlyList<ArchivePhotoInfo> Photos);

/// <summary>Read-only look-ups of activities for other modules.</summary>
public interface IActivityDirectory
{
    /// <summary>An activity regardless of scope: only for callers that already authorized the source (system reactions to events).</summary>
    Task<ActivityInfo?> FindUnscopedAsync(long activityId, CancellationToken ct = default);

    /// <summary>The published activities of these units that have not ended, soonest first (the public portal: anyone may read them).</summary>
    Task<IReadOnlyList<PublicActivityInfo>> UpcomingPublicAsync(IReadOnlyCollection<long> unitIds, DateTime nowUtc, int take, CancellationToken ct = default);

    /// <summary>An activity the caller may see (the scope filter decides), with its attendance and archive photos; null when not visible.</summary>
    Task<ActivityReportSource?> ReportSourceAsync(long activityId, CancellationToken ct = default);
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

    public async Task<ActivityReportSource?> ReportSourceAsync(long activityId, CancellationToken ct = default)
    {
        if (await db.Set<Activity>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId, ct) is not { } activity)
        {
            return null;
        }

        var attended = await db.Set<Enrollment>().AsNoTracking()
            .Where(e => e.ActivityId == activityId && e.Status == EnrollmentStatus.Enrolled && e.CheckedInAt != null)
            .Select(e => new { CheckedInAt = e.CheckedInAt!.Value, e.CheckedOutAt })
            .ToListAsync(ct);
        var minutes = attended.Select(e => AttendanceRules.ServiceMinutes(e.CheckedInAt, e.CheckedOutAt, activity.StartsAt, activity.EndsAt)).Where(m => m > 0).ToList();
        var photos = await db.Set<ActivityAttachment>().AsNoTracking()
            .Where(f => f.ActivityId == activityId && f.Kind == AttachmentKind.Photo)
            .OrderBy(f => f.Id)
            .Select(f => new ArchivePhotoInfo(f.FileId, f.Caption))
            .ToListAsync(ct);
        return new ActivityReportSource(
            activity.Id, activity.OrgUnitId, activity.Title, activity.Place, activity.StartsAt, activity.EndsAt,
            activity.Status is ActivityStatus.Finished or ActivityStatus.Archived, minutes.Count, Math.Round(minutes.Sum() / 60m, 1), photos);
    }
}
