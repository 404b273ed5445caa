using System.Linq.Expressions;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.People.Features;

/// <summary>A person as the API shows them: the ID number only masked, never in clear.</summary>
public sealed record PersonDto(
    long Id, string Name, Gender Gender, DateOnly BirthDate, string IdNumberMasked, string Phone, long OrgUnitId,
    long? HouseholdId, PoliticalStatus PoliticalStatus, string? Skills, DateTimeOffset? AnonymizedAt = null)
{
    /// <summary>
    /// The mapping as a query's projection: a list of people reads only the columns the API shows, never the ID
    /// number's cipher or hash, and makes no whole people on the way (issue 19: the station admin's list).
    /// </summary>
    public static readonly Expression<Func<Person, PersonDto>> Columns = p => new PersonDto(
        p.Id, p.Name, p.Gender, p.BirthDate, p.IdNumberMasked, p.Phone, p.OrgUnitId, p.HouseholdId, p.PoliticalStatus, p.Skills, Text.ToChinaTime(p.AnonymizedAt));

    private static readonly Func<Person, PersonDto> Map = Columns.Compile();

    /// <summary>The same mapping for a person already read (one record, after a change).</summary>
    public static PersonDto From(Person p) => Map(p);
}
