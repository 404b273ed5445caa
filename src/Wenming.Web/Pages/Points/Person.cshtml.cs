using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Points.Features.Accounts;
using Wenming.Web.Modules.Points.Features.ExportLedger;
using Wenming.Web.Modules.Points.Features.Reversal;
using Wenming.Web.Modules.Points.Features.Statement;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points;

/// <summary>A person's points as their cadres see them: the account, the statement, and (admins) a reverse action per line with a required reason.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class PersonModel(GetPointAccountHandler accounts, StatementHandler statement, ReverseTransactionHandler reverse, CurrentActor actor) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public long PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool IsAdmin => actor.IsAdmin;

    public PointAccountDto Account { get; private set; } = null!;

    public StatementView Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = await accounts.GetAsync(PersonId, ct);
        if (!account.IsSuccess)
        {
            return Refuse(account.Error!, prefix: "") ?? NotFoundPage();
        }

        var page = await statement.ForPersonAsync(PersonId, new PageRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!page.IsSuccess)
        {
            return Refuse(page.Error!, prefix: "") ?? NotFoundPage();
        }

        Account = account.Value;
        var pager = new Pager(page.Value.Page, page.Value.PageSize, page.Value.Total, n => Url.Page("/Points/Person", new { personId = PersonId, p = n })!);
        Statement = new StatementView(page.Value, pager, true, IsAdmin);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromServices] ExportLedgerHandler export, CancellationToken ct) =>
        ExcelPage.File(this, await export.HandleAsync(new LedgerRequest { PersonId = PersonId }, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnPostReverseAsync(long id, string? reason, CancellationToken ct)
    {
        var result = await reverse.HandleAsync(id, new ReverseTransactionRequest(reason), ct);
        if (!result.IsSuccess)
        {
            // A missing reason or a refused line: the page again, with the message on top.
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Points.ui.reversed_ok", PointLabels.Amount(result.Value.Amount), result.Value.BalanceAfter);
        return RedirectToPage(new { personId = PersonId, p = PageNumber });
    }
}
