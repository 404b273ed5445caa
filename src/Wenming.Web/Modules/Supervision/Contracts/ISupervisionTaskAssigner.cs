using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Supervision.Contracts;

/// <summary>
/// The one way for another module to raise a 督办 task: the same validation, audit, notice and timeline as
/// <c>POST /api/v1/supervision/tasks</c>, by the caller. Used by 包镇联村, where a county leader's visit finds a
/// problem: the leader (often a supervisor, who does not assign otherwise) may assign a task from their own visit.
/// </summary>
public interface ISupervisionTaskAssigner
{
    /// <summary>The new task's id, or the same errors as the endpoint (fields <c>orgUnitId</c>, <c>title</c>, <c>description</c>, <c>dueAt</c>).</summary>
    Task<Result<long>> AssignFromVisitAsync(long orgUnitId, string? title, string? description, DateTimeOffset? dueAt, CancellationToken ct);
}
