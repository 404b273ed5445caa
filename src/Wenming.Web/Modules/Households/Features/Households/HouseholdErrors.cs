using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Households.Features.Households;

/// <summary>The households' typed failures; codes are stable API strings, texts under household.* in Households.resx.</summary>
public static class HouseholdErrors
{
    public static Error NotFound() => Error.Keyed("household.not_found", ErrorKind.NotFound, "household.not_found");

    public static Error EventNotFound() => Error.Keyed("household.event_not_found", ErrorKind.NotFound, "household.event_not_found");

    public static Error PhotoNotFound() => Error.Keyed("household.photo_not_found", ErrorKind.NotFound, "household.photo_not_found");

    public static Error UnitNotFound() => Error.Keyed("household.unit_not_found", ErrorKind.NotFound, "household.unit_not_found");

    /// <summary>The signed-in person is in no household (我的家庭).</summary>
    public static Error NoneOfMine() => Error.Keyed("household.none", ErrorKind.NotFound, "household.none");

    /// <summary>The head of a household cannot leave it; another head is chosen first.</summary>
    public static Error HeadCannotLeave() => Error.Keyed("household.head_cannot_leave", ErrorKind.Conflict, "household.head_cannot_leave");

    /// <summary>This month's visit event of this kind is already there.</summary>
    public static Error DuplicateMonth() => Error.Keyed("household.event_duplicate", ErrorKind.Conflict, "household.event_duplicate");

    /// <summary>Someone else changed the household or event meanwhile.</summary>
    public static Error Changed() => Error.Keyed("household.changed", ErrorKind.Conflict, "household.changed");
}
