using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Points.Features.Accounts;
using Wenming.Web.Modules.Points.Features.Statement;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points;

/// <summary>我的积分: a resident's or volunteer's balance, stars, household total and statement, on a phone.</summary>
[Authorize]
public sealed class MineModel(GetPointAccountHandler accounts, StatementHandler statement, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PointAccountDto Account { get; private set; } = null!;

    public StatementView Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = await accounts.MineAsync(ct);
        if (!account.IsSuccess || actor.PersonId is not { } personId)
        {
            return Refuse(account.Error!, prefix: "") ?? NotFoundPage();
        }

        var page = await statement.ForPersonAsync(personId, new PageRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!page.IsSuccess)
        {
            return Refuse(page.Error!, prefix: "") ?? NotFoundPage();
        }

        Account = account.Value;
        Statement = new StatementView(page.Value, new Pager(page.Value.Page, page.Value.PageSize, page.Value.Total, n => Url.Page("/Points/Mine", new { p = n })!), false, false);
        return Page();
    }
}
