using Wenming.Web.Modules.Households.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Households.Features.Households;

/// <summary>A member as the household shows them (never the clear ID number).</summary>
public sealed record HouseholdMemberDto(long PersonId, string Name, bool IsHead, string IdNumberMasked, int BirthYear);

/// <summary>
/// A household as API.md answers it. <see cref="Tags"/> and the event counts are sensitive (RULES.md): null unless the
/// caller is an admin of the subtree, the household's contact person or one of its members.
/// </summary>
public sealed record HouseholdDto(
    long Id,
    long OrgUnitId,
    string? OrgUnitName,
    string Address,
    long HeadPersonId,
    string? HeadName,
    long? ContactPersonId,
    string? ContactPersonName,
    IReadOnlyList<HouseholdMemberDto> Members,
    IReadOnlyList<HouseholdTag>? Tags,
    IReadOnlyList<string>? TagLabels,
    int? OpenEvents,
    int? OverdueEvents,
    long Version);

/// <summary>One village's row of the township overview.</summary>
public sealed record VillageOverviewDto(long OrgUnitId, string OrgUnitName, int Households, int Members, int WithContactPerson, int ContactPersons, int OpenEvents, int OverdueEvents);

/// <summary>The Chinese names of tags, event kinds, states and lights.</summary>
public static class HouseholdLabels
{
    public static string Tag(HouseholdTag tag) => Text.Get("Households.tag." + tag);

    public static string Kind(HouseholdEventKind kind) => Text.Get("Households.kind." + kind);

    public static string Status(HouseholdEventStatus status) => Text.Get("Households.status." + status);

    public static string Light(HouseholdEventLight light) => Text.Get("Households.light." + light);
}
