using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Features;
using Wenming.Web.Modules.Accounts.Features.ListAccounts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Accounts;

/// <summary>Accounts bound to units of the caller's subtree, by login or name and by role.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class IndexModel(ListAccountsHandler list, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "role")]
    public Role? RoleFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<AccountDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    /// <summary>The listed accounts' units that are departments: their institute admins are shown as 部门管理员.</summary>
    public IReadOnlySet<long> DepartmentUnits { get; private set; } = new HashSet<long>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(new ListAccountsRequest { Q = Query, Role = RoleFilter, Page = Math.Max(1, PageNumber) }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        UnitNames = await UnitChoices.NamesAsync(orgs, Result.Items.Select(a => a.OrgUnitId), ct);
        if (Result.Items.Any(a => a.Roles.Contains(Role.InstituteAdmin)))
        {
            DepartmentUnits = (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Level == OrgLevel.Department).Select(u => u.Id).ToHashSet();
        }
        return Page();
    }
}
