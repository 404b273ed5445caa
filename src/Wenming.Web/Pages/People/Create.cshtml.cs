using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Modules.People.Features.RegisterPerson;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.People;

/// <summary>Registers a person by real name; ID number, phone and unit rules are the handler's.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class CreateModel(RegisterPersonHandler register, IOrgDirectory orgs) : AppPageModel, IPersonForm
{
    internal static readonly Dictionary<string, string> FieldOf = new()
    {
        ["person.duplicate_id_number"] = "idNumber",
        ["org.not_found"] = "orgUnitId",
    };

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        Input.PoliticalStatus = PoliticalStatus.Masses;
        // One unit only (a station admin): nothing to choose.
        if (Units.Count == 1)
        {
            Input.OrgUnitId = Units[0].Id;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        if (BindingFailed())
        {
            return Page();
        }

        var i = Input;
        var result = await register.HandleAsync(new RegisterPersonRequest(i.Name, i.IdNumber?.Trim(), i.Phone?.Trim(), i.OrgUnitId, null, i.PoliticalStatus, Blank(i.Skills)), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: FieldOf) ?? Page();
        }

        Notice = Text.Get("People.people.created", result.Value.Name);
        return RedirectToPage("/People/Detail", new { id = result.Value.Id });
    }
}
