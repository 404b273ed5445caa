using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Training.Domain;

/// <summary>
/// A course of the county's volunteer academy (课程): what is taught, e.g. 急救知识培训. Sessions teach it; a team
/// category may require it (<see cref="CourseRequirement"/>). A county row: every unit of the county uses its courses.
/// </summary>
public sealed class Course : ICountyScoped
{
    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 500;

    private Course()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Course Create(long countyId, long orgUnitId, string title, string? description, DateTime nowUtc) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Title = title,
        Description = description,
        CreatedAt = nowUtc,
    };
}

/// <summary>
/// A training session (培训场次, API.md's "training"): one class at a time and place, organised by a unit, with a
/// trainer, its hours and a capacity. <see cref="EnrolledCount"/> is raised by one conditional UPDATE per sign-up,
/// so it never passes <see cref="Capacity"/> however many sign up at once.
/// </summary>
public sealed class TrainingSession : ICountyScoped
{
    public const int MaxTitleLength = 100;
    public const int MaxTrainerLength = 50;
    public const int MaxPlaceLength = 100;
    public const int MaxCapacity = 1000;
    public const int DefaultCapacity = 50;

    /// <summary>RULES.md keeps training apart from service; one session is at most a day's class.</summary>
    public const decimal MaxHours = 24;

    private TrainingSession()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long? CourseId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    /// <summary>The session's length in minutes: the training time each attendee earns.</summary>
    public int Minutes { get; private set; }

    public string Trainer { get; private set; } = "";

    public string? Place { get; private set; }

    public int Capacity { get; private set; }

    public int EnrolledCount { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public bool HasStarted(DateTime nowUtc) => StartsAt <= nowUtc;

    public static TrainingSession Create(
        long countyId, long orgUnitId, long? courseId, string title, DateTime startsAtUtc, int minutes, string trainer, string? place, int capacity, DateTime nowUtc) => new()
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            CourseId = courseId,
            Title = title,
            StartsAt = startsAtUtc,
            Minutes = minutes,
            Trainer = trainer,
            Place = place,
            Capacity = capacity,
            CreatedAt = nowUtc,
        };

    /// <summary>For the demo's history only: places taken by rows written directly.</summary>
    internal void CountEnrolled(int count) => EnrolledCount = count;
}

/// <summary>A volunteer's place in a session, and whether they attended (出勤): only attended places earn training hours.</summary>
public sealed class TrainingEnrollment : ICountyScoped
{
    private TrainingEnrollment()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long SessionId { get; private set; }

    public long VolunteerId { get; private set; }

    public long? EnrolledByUserId { get; private set; }

    public DateTime EnrolledAt { get; private set; }

    public bool Attended { get; private set; }

    public DateTime? AttendanceMarkedAt { get; private set; }

    public static TrainingEnrollment Create(TrainingSession session, long volunteerId, long? byUserId, DateTime nowUtc) => new()
    {
        CountyId = session.CountyId,
        SessionId = session.Id,
        VolunteerId = volunteerId,
        EnrolledByUserId = byUserId,
        EnrolledAt = nowUtc,
    };

    /// <summary>Sets attendance; false when nothing changes (so nothing is written or audited).</summary>
    public bool MarkAttendance(bool attended, DateTime nowUtc)
    {
        if (Attended == attended && AttendanceMarkedAt is not null)
        {
            return false;
        }

        Attended = attended;
        AttendanceMarkedAt = nowUtc;
        return true;
    }
}

/// <summary>
/// A county setting: volunteers of teams of <see cref="Category"/> must have attended a session of the course before
/// they sign up to those teams' activities. The category is Volunteers' <c>TeamCategory</c> by name.
/// </summary>
public sealed class CourseRequirement : ICountyScoped
{
    private CourseRequirement()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public string Category { get; private set; } = "";

    public long CourseId { get; private set; }

    public DateTime SetAt { get; private set; }

    public static CourseRequirement Create(long countyId, string category, long courseId, DateTime nowUtc) => new()
    {
        CountyId = countyId,
        Category = category,
        CourseId = courseId,
        SetAt = nowUtc,
    };

    public void Require(long courseId, DateTime nowUtc)
    {
        CourseId = courseId;
        SetAt = nowUtc;
    }
}
