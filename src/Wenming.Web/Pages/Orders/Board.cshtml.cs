using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Features;
using Wenming.Web.Modules.Orders.Features.ListOrders;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Orders;

/// <summary>
/// 派单台: the orders of the caller's subtree by deadline, with their lights; tabs for open orders, the
/// overdue ones (including those of the units below, shown to their parent's admins), the demand list
/// (需求清单) and everything. Steps are taken on each order's page.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class BoardModel(ListOrdersHandler list, OrgScope scope, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    /// <summary>The caller administers a department (ADR 0060): its board has the 待认领 and 我首办 tabs.</summary>
    public bool IsDepartment { get; private set; }

    public IEnumerable<string> Tabs => IsDepartment ? ["claim", "first", "open", "overdue", "all"] : ["open", "overdue", "demands", "all"];

    [BindProperty(SupportsGet = true, Name = "view")]
    public string View { get; set; } = "open";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<OrderDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsDepartment = await orgs.IsDepartmentAdminAsync(actor, ct);
        var request = View switch
        {
            "claim" => new OrderBoardRequest { Open = true, Page = Math.Max(1, PageNumber), AwaitsClaim = true },
            "first" => new OrderBoardRequest { Open = true, Page = Math.Max(1, PageNumber), FirstHandledByMe = true },
            "overdue" => new OrderBoardRequest { Open = true, Overdue = true, Page = Math.Max(1, PageNumber) },
            "demands" => new OrderBoardRequest { Open = false, Demands = true, Page = Math.Max(1, PageNumber) },
            "all" => new OrderBoardRequest { Open = false, Page = Math.Max(1, PageNumber) },
            _ => new OrderBoardRequest { Open = true, Page = Math.Max(1, PageNumber) },
        };
        var result = await list.BoardAsync(request, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        // The units' names in one statement (a page names up to three units per order).
        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            UnitNames = await orgs.NamesAsync([.. Result.Items.SelectMany(o => new[] { o.OrgUnitId, o.HandlingUnitId, o.DepartmentId ?? o.OrgUnitId }).Distinct()], ct);
        }

        return Page();
    }
}
