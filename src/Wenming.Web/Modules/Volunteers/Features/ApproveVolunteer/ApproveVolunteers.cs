using Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;

public sealed record ApproveVolunteersRequest(IReadOnlyList<long>? Ids);

/// <summary>
/// 批量通过: approves many pending registrations one by one through <see cref="ApproveVolunteerHandler"/>, so each
/// gets its number, its notice and its audit entry as if approved alone; one already decided is skipped.
/// </summary>
public sealed class ApproveVolunteersHandler(AppDbContext db, CurrentActor actor, ApproveVolunteerHandler approve)
{
    public const int MaxBatch = 200;

    public async Task<Result<BatchOutcome>> HandleAsync(ApproveVolunteersRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var ids = request.Ids?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            return Error.Field("ids", "volunteer.batch_empty");
        }

        if (ids.Count > MaxBatch)
        {
            return Error.Field("ids", "volunteer.batch_too_large", MaxBatch);
        }

        var done = 0;
        foreach (var id in ids)
        {
            if ((await approve.HandleAsync(id, ct)).IsSuccess)
            {
                done++;
            }

            db.ChangeTracker.Clear();
        }

        return new BatchOutcome(done, ids.Count - done);
    }
}
