using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Training.Features;

/// <summary>The HTTP side of the training handlers; routes and summaries are in TrainingModule.</summary>
public static class TrainingEndpoints
{
    public static async Task<Results<Created<TrainingDto>, ProblemHttpResult>> Create(CreateTrainingRequest request, SessionsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), t => $"/api/v1/trainings/{t.Id}");

    public static async Task<Results<Ok<PageOf<TrainingDto>>, ProblemHttpResult>> List(SessionsHandler handler, CancellationToken ct, bool upcoming = false, int page = 1, int pageSize = 20) =>
        ApiResults.OkOr(await handler.ListAsync(new ListTrainingsRequest(upcoming, page, pageSize), ct));

    public static async Task<Results<Ok<TrainingDto>, ProblemHttpResult>> Get(long id, SessionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<MyTrainingDto>, ProblemHttpResult>> Mine(SessionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.MineAsync(ct));

    public static async Task<Results<Ok<IReadOnlyList<TraineeDto>>, ProblemHttpResult>> Trainees(long id, SessionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.TraineesAsync(id, ct));

    public static async Task<Results<Created<TraineeDto>, ProblemHttpResult>> Enroll(long id, EnrollTraineeRequest request, SessionsHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.EnrollAsync(id, request, ct), t => $"/api/v1/trainings/{id}/attendees/{t.VolunteerId}");

    public static async Task<Results<NoContent, ProblemHttpResult>> Withdraw(long id, long volunteerId, SessionsHandler handler, CancellationToken ct)
    {
        var result = await handler.WithdrawAsync(id, volunteerId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }

    public static async Task<Results<Ok<IReadOnlyList<TraineeDto>>, ProblemHttpResult>> Attendance(long id, MarkAttendanceRequest request, SessionsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.MarkAttendanceAsync(id, request, ct));

    public static async Task<Results<Created<CourseDto>, ProblemHttpResult>> CreateCourse(CreateCourseRequest request, CoursesHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.CreateAsync(request, ct), c => $"/api/v1/training-courses/{c.Id}");

    public static async Task<Results<Ok<IReadOnlyList<CourseDto>>, ProblemHttpResult>> Courses(CoursesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(ct));

    public static async Task<Results<Ok<IReadOnlyList<RequirementDto>>, ProblemHttpResult>> Requirements(CoursesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RequirementsAsync(ct));

    public static async Task<Results<Ok<RequirementDto>, ProblemHttpResult>> SetRequirement(SetRequirementRequest request, CoursesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SetRequirementAsync(request, ct));
}
