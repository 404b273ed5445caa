using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Features;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Accounts.Features.ManageAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Accounts;

/// <summary>One account, with the admin's actions on it: (de)activate, unlock, reset password, set roles.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class DetailModel(ManageAccountHandler manage, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    public AccountDto Account { get; private set; } = null!;

    public string? UnitName { get; private set; }

    /// <summary>The account's unit is a department: an institute admin there is shown as 部门管理员.</summary>
    public bool OfDepartment { get; private set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<Role> SelectedRoles { get; set; } = [];

    public bool IsSelf => Account.Id == actor.UserId;

    public IEnumerable<Role> GrantableRoles => Enum.GetValues<Role>().Where(r => RoleGrants.MayGrant(actor.Roles, r));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }

        SelectedRoles = [.. Account.Roles];
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, () => manage.DeactivateAsync(id, ct), "Accounts.accounts.deactivated", ct);

    public Task<IActionResult> OnPostActivateAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, () => manage.ActivateAsync(id, ct), "Accounts.accounts.activated", ct);

    public Task<IActionResult> OnPostUnlockAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, () => manage.UnlockAsync(id, ct), "Accounts.accounts.unlocked", ct);

    public Task<IActionResult> OnPostResetPasswordAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, () => manage.ResetPasswordAsync(id, new ResetPasswordRequest(Password), ct), "Accounts.accounts.password_reset", ct);

    public Task<IActionResult> OnPostSetRolesAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, () => manage.SetRolesAsync(id, new SetRolesRequest(SelectedRoles), ct), "Accounts.accounts.roles_set", ct);

    private async Task<IActionResult> ChangeAsync(long id, Func<Task<Result<AccountDto>>> change, string noticeKey, CancellationToken ct)
    {
        var result = await change();
        Password = null;
        if (result.IsSuccess)
        {
            Notice = Text.Get(noticeKey);
            return RedirectToPage(new { id });
        }

        // "roles" and "password" land on this page's own inputs; other refusals go to the summary.
        var roles = SelectedRoles;
        if (Refuse(result.Error!, prefix: "") is { } refused)
        {
            return refused;
        }

        var reload = await LoadAsync(id, ct);
        SelectedRoles = roles;
        return reload ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken ct)
    {
        var result = await manage.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? NotFoundPage();
        }

        Account = result.Value;
        var unit = await orgs.FindAsync(Account.OrgUnitId, ct);
        UnitName = unit?.Name;
        OfDepartment = unit?.Level == OrgLevel.Department;
        return null;
    }
}
