using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Features;
using Wenming.Web.Modules.Orders.Features.ListOrders;
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
public sealed class BoardModel(ListOrdersHandler list, OrgScope scope, Modules.Organization.Contracts.IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "view")]
    public string View { get; set; } = "open";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PageOf<OrderDto> Result { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyDictionary<long, string> UnitNames { get; private set; } = new Dictionary<long, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var request = View switch
        {
            "overdue" => new OrderBoardRequest(null, null, true, true, null, Math.Max(1, PageNumber)),
            "demands" => new OrderBoardRequest(null, null, false, null, true, Math.Max(1, PageNumber)),
            "all" => new OrderBoardRequest(null, null, false, null, null, Math.Max(1, PageNumber)),
            _ => new OrderBoardRequest(null, null, true, null, null, Math.Max(1, PageNumber)),
        };
        var result = await list.BoardAsync(request, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        var names = new Dictionary<long, string>();
        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            foreach (var id in Result.Items.SelectMany(o => new[] { o.OrgUnitId, o.HandlingUnitId }).Distinct())
            {
                if (await orgs.FindAsync(id, ct) is { } u)
                {
                    names[id] = u.Name;
                }
            }
        }

        UnitNames = names;
        return Page();
    }
}
