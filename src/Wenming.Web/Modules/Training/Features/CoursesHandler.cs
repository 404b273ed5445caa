using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Training.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Training.Features;

/// <summary>
/// The county's courses (课程) and its course requirements per team category. Any admin of the county adds a course
/// for everyone of it to teach; only the county center sets which category requires which course (a county setting).
/// </summary>
public sealed class CoursesHandler(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<Result<CourseDto>> CreateAsync(CreateCourseRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            fields.AddRequired("title", "Training.field.course_title");
        }
        else if (title.Length > Course.MaxTitleLength)
        {
            fields.AddTooLong("title", "Training.field.course_title", Course.MaxTitleLength);
        }

        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        if (description?.Length > Course.MaxDescriptionLength)
        {
            fields.AddTooLong("description", "Training.field.description", Course.MaxDescriptionLength);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (actor.CountyId is not { } countyId || actor.OrgUnitId is not { } unitId)
        {
            return Error.Forbidden();
        }

        if (await db.Set<Course>().AnyAsync(c => c.CountyId == countyId && c.Title == title, ct))
        {
            return TrainingErrors.DuplicateCourse();
        }

        var course = Course.Create(countyId, unitId, title!, description, clock.GetUtcNow().UtcDateTime);
        db.Add(course);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same title added a moment ago: the unique index decided.
            db.ChangeTracker.Clear();
            return TrainingErrors.DuplicateCourse();
        }

        return new CourseDto(course.Id, course.Title, course.Description, 0, []);
    }

    public async Task<Result<IReadOnlyList<CourseDto>>> ListAsync(CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var courses = await db.Set<Course>().AsNoTracking().Where(c => c.CountyId == actor.CountyId).OrderBy(c => c.Id).ToListAsync(ct);
        var ids = courses.Select(c => c.Id).ToList();
        var sessions = await db.Set<TrainingSession>().AsNoTracking().Where(s => s.CourseId != null && ids.Contains(s.CourseId.Value))
            .GroupBy(s => s.CourseId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var requirements = await db.Set<CourseRequirement>().AsNoTracking().Where(r => r.CountyId == actor.CountyId).ToListAsync(ct);
        return courses.ConvertAll(c => new CourseDto(
            c.Id, c.Title, c.Description, sessions.GetValueOrDefault(c.Id),
            [.. requirements.Where(r => r.CourseId == c.Id).Select(r => Label(r.Category))]));
    }

    /// <summary>Every team category with the course the county requires for it (if any).</summary>
    public async Task<Result<IReadOnlyList<RequirementDto>>> RequirementsAsync(CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var rows = await (from r in db.Set<CourseRequirement>()
                          join c in db.Set<Course>() on r.CourseId equals c.Id
                          where r.CountyId == actor.CountyId
                          select new { r.Category, c.Id, c.Title }).AsNoTracking().ToListAsync(ct);
        return Enum.GetValues<TeamCategory>().Select(category =>
        {
            var row = rows.SingleOrDefault(r => r.Category == category.ToString());
            return new RequirementDto(category.ToString(), TeamCategories.Label(category), row?.Id, row?.Title);
        }).ToList();
    }

    /// <summary>The county center requires a course for a team category, changes it, or lifts it (no course).</summary>
    public async Task<Result<RequirementDto>> SetRequirementAsync(SetRequirementRequest request, CancellationToken ct)
    {
        if (actor.RequireAny(Role.CenterAdmin) is not null || actor.CountyId is not { } countyId)
        {
            return Error.Forbidden();
        }

        if (!Enum.TryParse<TeamCategory>(request.Category, ignoreCase: false, out var category) || !Enum.IsDefined(category))
        {
            return FieldErrors.Required("category", "Training.field.category");
        }

        string? title = null;
        if (request.CourseId is { } courseId)
        {
            title = await db.Set<Course>().Where(c => c.Id == courseId && c.CountyId == countyId).Select(c => c.Title).SingleOrDefaultAsync(ct);
            if (title is null)
            {
                return FieldErrors.One("courseId", "training_course.not_found", "Training.error.course_not_found");
            }
        }

        var name = category.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<CourseRequirement>().SingleOrDefaultAsync(r => r.CountyId == countyId && r.Category == name, ct);
        if (request.CourseId is null)
        {
            if (existing is not null)
            {
                db.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.Add(CourseRequirement.Create(countyId, name, request.CourseId.Value, now));
        }
        else
        {
            existing.Require(request.CourseId.Value, now);
        }

        await db.SaveChangesAsync(ct);
        return new RequirementDto(name, TeamCategories.Label(category), request.CourseId, title);
    }

    private static string Label(string category) =>
        Enum.TryParse<TeamCategory>(category, out var c) ? TeamCategories.Label(c) : category;
}
