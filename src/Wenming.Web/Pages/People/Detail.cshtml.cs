using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.People.Features;
using Wenming.Web.Modules.People.Features.GetPerson;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.People;

[Authorize(Roles = Roles.Overseers)]
public sealed class DetailModel(GetPersonHandler people, CurrentActor actor, AppDbContext db) : AppPageModel
{
    public PersonDto Person { get; private set; } = null!;

    public string? UnitName { get; private set; }

    public bool CanEdit => actor.IsAdmin;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await people.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? NotFoundPage();
        }

        Person = result.Value;
        UnitName = (await UnitChoices.NamesAsync(db, [Person.OrgUnitId], ct)).GetValueOrDefault(Person.OrgUnitId);
        return Page();
    }
}
