using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;

/// <summary>Publish or cancel an activity along the transition table; anything else is 409 activity.invalid_transition.</summary>
public sealed class ChangeActivityStatusHandler(AppDbContext db, ActivityAccess access)
{
    public async Task<Result<ActivityDto>> HandleAsync(long id, ActivityAction action, CancellationToken ct)
    {
        var found = await access.ManageableAsync(id, track: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var activity = found.Value;
        if (activity.Apply(action) is { } refused)
        {
            return refused;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request moved the activity on meanwhile (the status is the concurrency token).
            return Error.Conflict("activity.invalid_transition");
        }

        return ActivityDto.From(activity);
    }
}
