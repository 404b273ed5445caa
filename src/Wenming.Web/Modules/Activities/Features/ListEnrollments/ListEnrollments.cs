using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Activities.Features.ListEnrollments;

/// <summary>The enrollments of an activity, places first, then the waiting list in order; for those who manage it.</summary>
public sealed class ListEnrollmentsHandler(AppDbContext db, ActivityAccess access)
{
    public async Task<Result<IReadOnlyList<EnrollmentDto>>> HandleAsync(long activityId, CancellationToken ct)
    {
        var found = await access.ManageableAsync(activityId, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var items = await db.Set<Enrollment>().AsNoTracking().Where(e => e.ActivityId == activityId)
            .OrderBy(e => e.Status).ThenBy(e => e.Position).ThenBy(e => e.Id).ToListAsync(ct);
        return items.Select(EnrollmentDto.From).ToList();
    }
}
