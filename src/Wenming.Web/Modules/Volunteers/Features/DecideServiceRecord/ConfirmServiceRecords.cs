using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;

/// <summary>What to confirm at once: every pending record an activity's finishing made, or the records listed.</summary>
public sealed record ConfirmServiceRecordsRequest(long? ActivityId, IReadOnlyList<long>? Ids);

/// <summary>How many were confirmed, and how many could not be (not pending any more, or the admin's own service).</summary>
public sealed record BatchOutcome(int Done, int Skipped);

/// <summary>
/// 全部确认: confirms many pending records one by one through <see cref="DecideServiceRecordHandler"/>, so each
/// keeps its own rules (scope, never one's own service), its own audit entry and its own points event; a
/// record someone else decided meanwhile is counted as skipped, not an error.
/// </summary>
public sealed class ConfirmServiceRecordsHandler(AppDbContext db, CurrentActor actor, DecideServiceRecordHandler decide)
{
    /// <summary>One request confirms at most this many, so one tap cannot hold the database for minutes.</summary>
    public const int MaxBatch = 500;

    public async Task<Result<BatchOutcome>> HandleAsync(ConfirmServiceRecordsRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (request.ActivityId is null && (request.Ids is null || request.Ids.Count == 0))
        {
            return Error.Field("ids", "service_record.batch_empty");
        }

        if (request.Ids is { Count: > MaxBatch })
        {
            return Error.Field("ids", "service_record.batch_too_large", MaxBatch);
        }

        var pending = db.Set<ServiceRecord>().AsNoTracking().Where(r => r.Status == ServiceRecordStatus.Pending);
        if (request.ActivityId is { } activityId)
        {
            pending = pending.Where(r => r.SourceKind == ServiceSourceKind.Activity && r.SourceId == activityId);
        }

        if (request.Ids is { Count: > 0 } ids)
        {
            pending = pending.Where(r => ids.Contains(r.Id));
        }

        var chosen = await pending.OrderBy(r => r.Id).Select(r => r.Id).Take(MaxBatch).ToListAsync(ct);
        var done = 0;
        foreach (var id in chosen)
        {
            if ((await decide.ConfirmAsync(id, ct)).IsSuccess)
            {
                done++;
            }

            // A refused record may leave its half-applied change tracked; the next one starts clean.
            db.ChangeTracker.Clear();
        }

        var asked = request.Ids is { Count: > 0 } listed ? listed.Distinct().Count() : chosen.Count;
        return new BatchOutcome(done, asked - done);
    }
}
