using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Activities.Features.ArchiveActivity;

/// <summary>
/// Finished → Archived, only with a complete archive; otherwise 409 <c>activity.archive_incomplete</c>
/// naming what is missing. From then on the archive is read-only.
/// </summary>
public sealed class ArchiveActivityHandler(AppDbContext db, ActivityAccess access, ActivityArchiveEditor editor)
{
    public async Task<Result<ActivityDto>> HandleAsync(long id, CancellationToken ct)
    {
        var found = await access.ManageableAsync(id, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (ActivityTransitions.Next(found.Value.Status, ActivityAction.Archive) is null)
        {
            return Error.Conflict("activity.invalid_transition");
        }

        // Holding the row: no attachment can be removed between the check below and the status change.
        var begun = await editor.LockAsync(id, [ActivityStatus.Finished], _ => Error.Conflict("activity.invalid_transition"), ct);
        if (!begun.IsSuccess)
        {
            return begun.Error!;
        }

        await using var change = begun.Value;
        var gaps = await editor.GapsAsync(id, ct);
        if (gaps.Count > 0)
        {
            return Error.Conflict("activity.archive_incomplete", ArchiveLabels.Gaps(gaps));
        }

        var activity = change.Activity;
        if (activity.Apply(ActivityAction.Archive) is { } refused)
        {
            return refused;
        }

        activity.SetArchiveComplete(true);
        await db.SaveChangesAsync(ct);
        await editor.CommitAsync(change, ct);
        return ActivityDto.From(activity);
    }
}
