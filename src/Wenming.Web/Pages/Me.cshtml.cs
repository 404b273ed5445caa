using Wenming.Web.Modules.Accounts.Features.Me;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Features;
using Wenming.Web.Modules.People.Features.GetPerson;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages;

/// <summary>我的: the signed-in account and its own person record (ID number masked).</summary>
public sealed class MeModel(MeHandler me, GetPersonHandler people, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    public MeDto? Account { get; private set; }

    public PersonDto? Person { get; private set; }

    public string? UnitName { get; private set; }

    public string Roles { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Account = me.Handle();
        UnitName = Account?.OrgUnitName;
        Roles = await Labels.RolesAsync(actor, orgs, ct);
        if (Account?.PersonId is { } personId && (await people.HandleAsync(personId, ct)) is { IsSuccess: true } found)
        {
            Person = found.Value;
        }
    }
}
