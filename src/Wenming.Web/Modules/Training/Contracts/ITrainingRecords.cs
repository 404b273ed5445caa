using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Training.Contracts;

/// <summary>A volunteer's training: hours of attended sessions (kept apart from service hours, they earn no stars) and how many.</summary>
public sealed record TrainingTotals(decimal Hours, int Sessions);

/// <summary>
/// What other modules need from training: the volunteer's record and certificate show the training hours, and an
/// activity sign-up asks whether the team's category requires a course the volunteer has not yet attended (ADR 0059).
/// </summary>
public interface ITrainingRecords
{
    /// <summary>Attended sessions of the volunteer (in the caller's county), as hours.</summary>
    Task<TrainingTotals> TotalsAsync(long volunteerId, CancellationToken ct = default);

    /// <summary>
    /// Null when the volunteer may serve in the team; else the 409 <c>training.course_required</c> naming the course
    /// (需先完成培训课程《…》) that the county requires for the team's category.
    /// </summary>
    Task<Error?> CheckMayServeAsync(long volunteerId, long teamId, CancellationToken ct = default);
}
