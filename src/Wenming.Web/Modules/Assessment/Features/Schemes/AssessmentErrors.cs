using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Assessment.Features.Schemes;

/// <summary>The assessment's typed failures; codes are stable API strings, texts under assessment.* in Assessment.resx.</summary>
public static class AssessmentErrors
{
    public static Error NotFound() => Error.Keyed("assessment.not_found", ErrorKind.NotFound, "assessment.not_found");

    public static Error UnitNotFound() => Error.Keyed("assessment.unit_not_found", ErrorKind.NotFound, "assessment.unit_not_found");

    /// <summary>Reviewed or published schemes take no more manual scores nor recomputation; steps go in order.</summary>
    public static Error WrongState(string status) => Error.Keyed("assessment.wrong_state", ErrorKind.Conflict, "assessment.wrong_state", status);

    /// <summary>The one who made the scheme does not review it.</summary>
    public static Error OwnScheme() => Error.Keyed("assessment.own_scheme", ErrorKind.Conflict, "assessment.own_scheme");

    public static Error NoManualIndicator() => Error.Keyed("assessment.no_manual", ErrorKind.Conflict, "assessment.no_manual");

    public static Error Changed() => Error.Keyed("assessment.changed", ErrorKind.Conflict, "assessment.changed");
}
