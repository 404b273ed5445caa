using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Pages.Households;

/// <summary>我的家庭 on a phone: the person's household, its members with their points, and the household's total.</summary>
[Authorize]
public sealed class MineModel(HouseholdsHandler households, IPointsLedger points) : AppPageModel
{
    public HouseholdDto? Current { get; private set; }

    public IReadOnlyDictionary<long, PointBalance> Balances { get; private set; } = new Dictionary<long, PointBalance>();

    public long TotalBalance => Balances.Values.Sum(b => b.Balance);

    public long TotalEarned => Balances.Values.Sum(b => b.Earned);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var mine = await households.MineAsync(ct);
        if (!mine.IsSuccess)
        {
            // No household yet is a state to explain, not an error page.
            return mine.Error!.Kind == ErrorKind.NotFound ? Page() : Refuse(mine.Error!, prefix: "") ?? Page();
        }

        Current = mine.Value;
        var balances = new Dictionary<long, PointBalance>();
        foreach (var m in Current.Members)
        {
            balances[m.PersonId] = await points.BalanceUnscopedAsync(m.PersonId, ct);
        }

        Balances = balances;
        return Page();
    }
}
