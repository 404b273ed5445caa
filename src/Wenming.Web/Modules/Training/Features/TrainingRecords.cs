using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Training.Contracts;
using Wenming.Web.Modules.Training.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Training.Features;

/// <summary>The training side of the volunteer's record and of the activity sign-up rule (<see cref="ITrainingRecords"/>).</summary>
internal sealed class TrainingRecords(AppDbContext db, IVolunteerDirectory volunteers) : ITrainingRecords
{
    public async Task<TrainingTotals> TotalsAsync(long volunteerId, CancellationToken ct = default)
    {
        var minutes = await AttendedMinutes(volunteerId).ToListAsync(ct);
        return new TrainingTotals(Math.Round(minutes.Sum() / 60m, 2), minutes.Count);
    }

    public async Task<Error?> CheckMayServeAsync(long volunteerId, long teamId, CancellationToken ct = default)
    {
        if (await volunteers.TeamCategoryUnscopedAsync(teamId, ct) is not { } category
            || await volunteers.FindUnscopedAsync(volunteerId, ct) is not { } volunteer)
        {
            return null;
        }

        var name = category.ToString();
        var required = await (from r in db.Set<CourseRequirement>()
                              join c in db.Set<Course>() on r.CourseId equals c.Id
                              where r.CountyId == volunteer.CountyId && r.Category == name
                              select new { c.Id, c.Title }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (required is null)
        {
            return null;
        }

        var attended = await (from e in db.Set<TrainingEnrollment>()
                              join s in db.Set<TrainingSession>() on e.SessionId equals s.Id
                              where e.VolunteerId == volunteerId && e.Attended && s.CourseId == required.Id
                              select e.Id).AnyAsync(ct);
        return attended ? null : TrainingErrors.CourseRequired(required.Title);
    }

    private IQueryable<int> AttendedMinutes(long volunteerId) =>
        from e in db.Set<TrainingEnrollment>()
        join s in db.Set<TrainingSession>() on e.SessionId equals s.Id
        where e.VolunteerId == volunteerId && e.Attended
        select s.Minutes;
}
