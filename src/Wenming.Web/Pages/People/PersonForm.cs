using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;

namespace Wenming.Web.Pages.People;

/// <summary>The person form; nullable throughout so that only the handler's (Chinese) validation speaks.</summary>
public sealed class PersonInput
{
    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public long? OrgUnitId { get; set; }

    public PoliticalStatus? PoliticalStatus { get; set; }

    public string? Skills { get; set; }
}

/// <summary>A page with a person form, for the shared fields partial.</summary>
public interface IPersonForm
{
    PersonInput Input { get; }

    IReadOnlyList<Shared.UnitChoice> Units { get; }
}
