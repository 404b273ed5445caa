using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.People.Features;

/// <summary>A person as the API shows them: the ID number only masked, never in clear.</summary>
public sealed record PersonDto(
    long Id, string Name, Gender Gender, DateOnly BirthDate, string IdNumberMasked, string Phone, long OrgUnitId,
    long? HouseholdId, PoliticalStatus PoliticalStatus, string? Skills, DateTimeOffset? AnonymizedAt = null)
{
    public static PersonDto From(Person p) => new(
        p.Id, p.Name, p.Gender, p.BirthDate, p.IdNumberMasked, p.Phone, p.OrgUnitId, p.HouseholdId, p.PoliticalStatus, p.Skills, p.AnonymizedAt is { } at ? Text.ToChinaTime(at) : null);
}
