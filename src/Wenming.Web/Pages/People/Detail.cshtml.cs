using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Features;
using Wenming.Web.Modules.People.Features.AnonymizePerson;
using Wenming.Web.Modules.People.Features.GetPerson;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.People;

[Authorize(Roles = Roles.Overseers)]
public sealed class DetailModel(GetPersonHandler people, AnonymizePersonHandler anonymize, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    public PersonDto Person { get; private set; } = null!;

    public string? UnitName { get; private set; }

    public bool CanEdit => actor.IsAdmin;

    /// <summary>Anonymizing is a center or system admin's decision (ADR 0023).</summary>
    public bool CanAnonymize => actor.Has(Role.CenterAdmin) || actor.IsSystemAdmin;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await people.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? NotFoundPage();
        }

        Person = result.Value;
        UnitName = (await UnitChoices.NamesAsync(orgs, [Person.OrgUnitId], ct)).GetValueOrDefault(Person.OrgUnitId);
        return Page();
    }

    public async Task<IActionResult> OnPostAnonymizeAsync(long id, string? reason, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            ModelState.AddModelError(string.Empty, Platform.Localization.Text.Get("Privacy.ui.confirm_prompt"));
            return await OnGetAsync(id, ct);
        }

        var result = await anonymize.HandleAsync(id, new AnonymizePersonRequest(reason), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Platform.Localization.Text.Get("Privacy.ui.done");
        return RedirectToPage(new { id });
    }
}
