using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Training.Domain;

/// <summary>The training module's typed failures; texts in Training.resx.</summary>
public static class TrainingErrors
{
    public static Error SessionNotFound() => Error.Keyed("training.not_found", ErrorKind.NotFound, "Training.error.not_found");

    public static Error CourseNotFound() => Error.Keyed("training_course.not_found", ErrorKind.NotFound, "Training.error.course_not_found");

    public static Error AlreadyEnrolled() => Error.Keyed("training.already_enrolled", ErrorKind.Conflict, "Training.error.already_enrolled");

    public static Error Full() => Error.Keyed("training.full", ErrorKind.Conflict, "Training.error.full");

    public static Error Started() => Error.Keyed("training.started", ErrorKind.Conflict, "Training.error.started");

    public static Error NotStarted() => Error.Keyed("training.not_started", ErrorKind.Conflict, "Training.error.not_started");

    public static Error VolunteerNotApproved() => Error.Keyed("training.volunteer_not_approved", ErrorKind.Conflict, "Training.error.volunteer_not_approved");

    public static Error NotEnrolled() => Error.Keyed("training.not_enrolled", ErrorKind.NotFound, "Training.error.not_enrolled");

    public static Error DuplicateCourse() => Error.Keyed("training_course.duplicate", ErrorKind.Conflict, "Training.error.duplicate_course");

    /// <summary>The activity sign-up refused: "需先完成培训课程《…》".</summary>
    public static Error CourseRequired(string courseTitle) => Error.Keyed("training.course_required", ErrorKind.Conflict, "Training.error.course_required", courseTitle);
}
