using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Supervision.Features.Tasks;

/// <summary>The 督办 tasks' typed failures; codes are stable API strings, texts under supervision.* in Supervision.resx.</summary>
public static class TaskErrors
{
    public static Error NotFound() => Error.Keyed("supervision.not_found", ErrorKind.NotFound, "supervision.not_found");

    public static Error UnitNotFound() => Error.Keyed("supervision.unit_not_found", ErrorKind.NotFound, "supervision.unit_not_found");

    /// <summary>A finished task takes no more progress, urges or completion.</summary>
    public static Error Closed() => Error.Keyed("supervision.closed", ErrorKind.Conflict, "supervision.closed");

    /// <summary>Someone else changed the task meanwhile.</summary>
    public static Error Changed() => Error.Keyed("supervision.changed", ErrorKind.Conflict, "supervision.changed");

    /// <summary>首办 (ADR 0060): the task already has its first handler, or is not a department's task to claim.</summary>
    public static Error AlreadyClaimed() => Error.Keyed("supervision.already_claimed", ErrorKind.Conflict, "supervision.already_claimed");

    public static Error NotClaimable() => Error.Keyed("supervision.not_claimable", ErrorKind.Conflict, "supervision.not_claimable");

    /// <summary>Only the county and townships assign; only the unit reports; only those above urge.</summary>
    public static Error NotYours(string key) => Error.Keyed("common.forbidden", ErrorKind.Forbidden, key);
}
