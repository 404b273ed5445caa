using Wenming.Web.Modules.Accounts.Features.Me;
using Wenming.Web.Modules.People.Features;
using Wenming.Web.Modules.People.Features.GetPerson;
using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages;

/// <summary>我的: the signed-in account and its own person record (ID number masked).</summary>
public sealed class MeModel(MeHandler me, GetPersonHandler people) : AppPageModel
{
    public MeDto? Account { get; private set; }

    public PersonDto? Person { get; private set; }

    public string? UnitName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Account = me.Handle();
        UnitName = Account?.OrgUnitName;
        if (Account?.PersonId is { } personId && (await people.HandleAsync(personId, ct)) is { IsSuccess: true } found)
        {
            Person = found.Value;
        }
    }
}
