using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Accounts;

/// <summary>Creates an account bound to a unit; which roles fit which unit is the handler's rule.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class CreateModel(CreateAccountHandler create, IPeopleDirectory people, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    private static readonly Dictionary<string, string> FieldOf = new()
    {
        ["account.login_taken"] = "login",
        ["account.role_not_allowed"] = "role",
        ["org.not_found"] = "orgUnitId",
        ["person.not_found"] = "personId",
    };

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public LinkedPerson? Person { get; private set; }

    /// <summary>Only the roles this caller may grant are offered (the same rule the handler applies).</summary>
    public IEnumerable<Role> GrantableRoles => Enum.GetValues<Role>().Where(r => RoleGrants.MayGrant(actor.Roles, r));

    public async Task OnGetAsync(long? personId, CancellationToken ct)
    {
        Input.PersonId = personId;
        await LoadAsync(ct);
        if (Person is not null)
        {
            Input.DisplayName = Person.Name;
            Input.OrgUnitId = Person.OrgUnitId;
            Input.Role = Role.Resident;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (BindingFailed())
        {
            return Page();
        }

        var i = Input;
        var result = await create.HandleAsync(new CreateAccountRequest(i.Login, i.Password, i.DisplayName, i.Role, i.OrgUnitId, i.PersonId), ct);
        if (!result.IsSuccess)
        {
            Input.Password = null;
            return Refuse(result.Error!, fieldOf: FieldOf) ?? Page();
        }

        Notice = Text.Get("Accounts.accounts.created", result.Value.Login);
        return RedirectToPage("/Accounts/Detail", new { id = result.Value.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.City, ct);
        if (Input.PersonId is { } personId && await people.FindAsync(personId, ct) is { } found)
        {
            Person = new LinkedPerson(found.Name, found.OrgUnitId, await people.MaskedIdNumberAsync(personId, ct) ?? "");
        }
    }
}

/// <summary>The person an account is opened for, as the People module's directory tells it (never the full ID number).</summary>
public sealed record LinkedPerson(string Name, long OrgUnitId, string IdNumberMasked);

public sealed class AccountInput
{
    public string? Login { get; set; }

    public string? Password { get; set; }

    public string? DisplayName { get; set; }

    public Role? Role { get; set; }

    public long? OrgUnitId { get; set; }

    public long? PersonId { get; set; }
}
