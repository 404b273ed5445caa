using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Features;
using Wenming.Web.Modules.People.Features.GetPerson;
using Wenming.Web.Modules.People.Features.UpdatePerson;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.People;

/// <summary>Changes name, phone, unit, political status and skills; the ID number stays as registered.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class EditModel(GetPersonHandler people, UpdatePersonHandler update, IOrgDirectory orgs) : AppPageModel, IPersonForm
{
    public PersonDto Person { get; private set; } = null!;

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        var p = Person;
        Input = new PersonInput { Name = p.Name, Phone = p.Phone, OrgUnitId = p.OrgUnitId, PoliticalStatus = p.PoliticalStatus, Skills = p.Skills };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        if (BindingFailed())
        {
            return Page();
        }

        var i = Input;
        var result = await update.HandleAsync(id, new UpdatePersonRequest(i.Name, i.Phone?.Trim(), i.OrgUnitId, Person.HouseholdId, i.PoliticalStatus, Blank(i.Skills)), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: CreateModel.FieldOf) ?? Page();
        }

        Notice = Text.Get("Shell.common.saved");
        return RedirectToPage("/People/Detail", new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var result = await people.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? NotFoundPage();
        }

        Person = result.Value;
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        return null;
    }
}
