using Wenming.Web.Modules.Training.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Training.Features;

/// <summary>API.md's body <c>{orgUnitId, title, startsAt, hours, trainer}</c>, with an optional course, place and capacity (default 50).</summary>
public sealed record CreateTrainingRequest(
    long? OrgUnitId, string? Title, DateTimeOffset? StartsAt, decimal? Hours, string? Trainer, string? Place = null, int? Capacity = null, long? CourseId = null);

/// <summary>API.md's body <c>{volunteerId}</c>: an admin enrols a volunteer, a volunteer signs up themselves.</summary>
public sealed record EnrollTraineeRequest(long? VolunteerId);

/// <summary>The attended volunteers of a session; everyone else enrolled is marked absent.</summary>
public sealed record MarkAttendanceRequest(IReadOnlyList<long>? VolunteerIds);

public sealed record ListTrainingsRequest(bool Upcoming = false, int Page = 1, int PageSize = 20);

public sealed record CreateCourseRequest(string? Title, string? Description = null);

/// <summary>The county's rule for one team category: <paramref name="CourseId"/> null lifts it.</summary>
public sealed record SetRequirementRequest(string? Category, long? CourseId);

/// <summary>
/// A session as its county sees it, times in China time. <paramref name="CanManage"/> for admins of its unit or above;
/// <paramref name="SignedUp"/>/<paramref name="Attended"/> for the calling volunteer's own place.
/// </summary>
public sealed record TrainingDto(
    long Id, long OrgUnitId, string? UnitName, long? CourseId, string? CourseTitle, string Title, DateTimeOffset StartsAt, decimal Hours,
    string Trainer, string? Place, int Capacity, int EnrolledCount, int PlacesLeft, bool HasStarted, bool CanManage, bool SignedUp, bool Attended)
{
    public static TrainingDto From(TrainingSession s, DateTime nowUtc, string? unitName = null, string? courseTitle = null, bool canManage = false, bool signedUp = false, bool attended = false) =>
        new(s.Id, s.OrgUnitId, unitName, s.CourseId, courseTitle, s.Title, Text.ToChinaTime(s.StartsAt), Math.Round(s.Minutes / 60m, 2), s.Trainer, s.Place,
            s.Capacity, s.EnrolledCount, Math.Max(0, s.Capacity - s.EnrolledCount), s.HasStarted(nowUtc), canManage, signedUp, attended);
}

/// <summary>A volunteer's place in a session.</summary>
public sealed record TraineeDto(long SessionId, long VolunteerId, string Name, bool Attended, DateTimeOffset EnrolledAt);

public sealed record CourseDto(long Id, string Title, string? Description, int Sessions, IReadOnlyList<string> RequiredFor);

/// <summary>One team category and the course its volunteers must have attended (none: no requirement).</summary>
public sealed record RequirementDto(string Category, string CategoryLabel, long? CourseId, string? CourseTitle);

/// <summary>The calling volunteer's training: their places (newest first) and the hours of attended sessions.</summary>
public sealed record MyTrainingDto(long VolunteerId, decimal Hours, int AttendedSessions, IReadOnlyList<TrainingDto> Sessions);
