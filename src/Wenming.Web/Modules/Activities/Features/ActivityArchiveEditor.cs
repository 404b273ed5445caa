using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Activities.Features;

/// <summary>One change to an activity's archive, inside a transaction that holds the activity's row.</summary>
public sealed class ArchiveChange(Activity activity, IDbContextTransaction transaction) : IAsyncDisposable
{
    /// <summary>Tracked, read after the row was locked, so it is current.</summary>
    public Activity Activity => activity;

    internal IDbContextTransaction Transaction => transaction;

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}

/// <summary>
/// Every change to a checklist or to the attachments goes through here, so that the stored
/// <see cref="Activity.ArchiveComplete"/> always matches the rows. Changes of one activity run one
/// after the other: each first updates the activity's row (a row lock on PostgreSQL until commit;
/// SQLite has one writer anyway), so the completeness computed at the end sees every earlier change,
/// and archiving cannot slip between a deletion's check and its commit.
/// </summary>
public sealed class ActivityArchiveEditor(AppDbContext db, ActivityAccess access)
{
    private static readonly ActivityStatus[] Editable = [.. Enum.GetValues<ActivityStatus>().Where(ArchiveCompleteness.IsEditable)];

    /// <summary>An activity the actor may manage (404/403) whose archive is open for changes (409 otherwise); untracked.</summary>
    public async Task<Result<Activity>> FindEditableAsync(long id, CancellationToken ct)
    {
        var found = await access.ManageableAsync(id, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        return ArchiveCompleteness.IsEditable(found.Value.Status) ? found.Value : ReadOnly(found.Value.Status);
    }

    /// <summary><see cref="FindEditableAsync"/>, then the transaction and the row lock.</summary>
    public async Task<Result<ArchiveChange>> BeginAsync(long id, CancellationToken ct)
    {
        var found = await FindEditableAsync(id, ct);
        return found.IsSuccess ? await LockAsync(id, Editable, ReadOnly, ct) : found.Error!;
    }

    /// <summary>
    /// Opens the transaction and locks the activity's row if its status is still one of <paramref name="allowed"/>;
    /// otherwise (it moved on meanwhile) answers <paramref name="refusal"/> of the status it has now.
    /// </summary>
    public async Task<Result<ArchiveChange>> LockAsync(long id, IReadOnlyCollection<ActivityStatus> allowed, Func<ActivityStatus, Error> refusal, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        // A no-op update, for its lock; the status condition is re-checked against the committed row.
        var locked = await db.Set<Activity>()
            .Where(a => a.Id == id && allowed.Contains(a.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ArchiveComplete, a => a.ArchiveComplete), ct);
        var activity = await db.Set<Activity>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (locked == 0 || activity is null)
        {
            await transaction.DisposeAsync();
            return activity is null ? Error.NotFound("activity.not_found") : refusal(activity.Status);
        }

        return new ArchiveChange(activity, transaction);
    }

    /// <summary>Saves the change, brings the stored completeness up to date and commits; returns what is still missing.</summary>
    public async Task<IReadOnlyList<ArchiveGap>> CommitAsync(ArchiveChange change, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        var gaps = await GapsAsync(change.Activity.Id, ct);
        change.Activity.SetArchiveComplete(gaps.Count == 0);
        await db.SaveChangesAsync(ct);
        await change.Transaction.CommitAsync(ct);
        return gaps;
    }

    /// <summary>What the activity's archive lacks, from its rows (<see cref="ArchiveCompleteness"/>).</summary>
    public async Task<IReadOnlyList<ArchiveGap>> GapsAsync(long activityId, CancellationToken ct)
    {
        var done = await db.Set<ChecklistEntry>().Where(c => c.ActivityId == activityId && c.Done).Select(c => c.Step).ToListAsync(ct);
        var kinds = await db.Set<ActivityAttachment>().Where(a => a.ActivityId == activityId).Select(a => a.Kind).Distinct().ToListAsync(ct);
        return ArchiveCompleteness.Missing(done, kinds);
    }

    private static Error ReadOnly(ActivityStatus status) =>
        Error.Conflict(status == ActivityStatus.Archived ? "activity.archive_read_only" : "activity.archive_not_open");
}
