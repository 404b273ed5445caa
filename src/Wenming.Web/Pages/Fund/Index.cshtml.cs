using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features;
using Wenming.Web.Modules.Fund.Features.Certificate;
using Wenming.Web.Modules.Fund.Features.Disclosure;
using Wenming.Web.Modules.Fund.Features.Donations;
using Wenming.Web.Modules.Fund.Features.Export;
using Wenming.Web.Modules.Fund.Features.Payments;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fund;

/// <summary>What the donation form takes: the amount in yuan as typed (parsed exactly into fen).</summary>
public sealed class DonationForm
{
    public long? OrgUnitId { get; set; }

    public string? DonorName { get; set; }

    public bool Anonymous { get; set; }

    public string? AmountYuan { get; set; }

    public DonationChannel? Channel { get; set; } = DonationChannel.Bank;

    public DateOnly? ReceivedOn { get; set; }

    public string? ReceiptNumber { get; set; }
}

/// <summary>实践基金: the books (balance), payments waiting for a second approver, donations with the form to record one, exports.</summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class IndexModel(
    DonationsHandler donations, PaymentsHandler payments, DisclosureHandler disclosure, FundExportsHandler exports, IOrgDirectory orgs, CurrentActor actor, TimeProvider clock,
    DonationCertificateHandler certificates, IConfiguration config) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public DonationForm Input { get; set; } = new();

    public FundBalanceDto? Balance { get; private set; }

    public PageOf<DonationDto> Donations { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<PaymentDto> Pending { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public bool IsTreasurer => FundAccess.IsTreasurer(actor);

    /// <summary>The recorder of a pending payment cannot approve it (a second person must), so they are not offered 复核.</summary>
    public long? UserId => actor.UserId;

    public long? CountyId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var balance = await disclosure.BalanceAsync(null, ct);
        Balance = balance.IsSuccess ? balance.Value : null;
        CountyId = Balance?.CountyId;
        var list = await donations.ListAsync(new ListDonationsRequest { Page = Math.Max(1, PageNumber) }, ct);
        if (!list.IsSuccess)
        {
            return Refuse(list.Error!, prefix: "") ?? Page();
        }

        Donations = list.Value;
        var all = await payments.ListAsync(new ListPaymentsRequest { Page = 1, PageSize = 100 }, ct);
        Pending = all.IsSuccess ? [.. all.Value.Items.Where(p => p.Status == PaymentStatus.Pending)] : [];
        Units = await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct);
        Input.ReceivedOn ??= FundPage.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var fen = Yuan.ParseFen(Input.AmountYuan);
        if (fen is null)
        {
            ModelState.AddModelError("Input.AmountYuan", Text.Get("Fund.error.yuan_format"));
        }

        var result = await donations.RecordAsync(new RecordDonationRequest(Input.OrgUnitId, Input.DonorName, Input.Anonymous, fen ?? 0, Input.Channel, Input.ReceivedOn, Input.ReceiptNumber), ct);
        if (fen is null || !result.IsSuccess)
        {
            if (!result.IsSuccess)
            {
                Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["donation.duplicate_receipt"] = "receiptNumber", ["org.not_found"] = "orgUnitId" });
                // The form's field is the yuan box; when the text was not an amount its own message says so already.
                FundPage.MoveErrors(ModelState, "Input.AmountFen", fen is null ? null : "Input.AmountYuan");
            }

            return await OnGetAsync(ct);
        }

        Notice = Text.Get("Fund.ui.donation_recorded", Yuan.Format(result.Value.AmountFen), result.Value.DonorName);
        return RedirectToPage("/Fund/Index");
    }

    public async Task<IActionResult> OnPostReverseAsync(long id, string? reason, CancellationToken ct)
    {
        var result = await donations.ReverseAsync(id, new ReverseRequest(reason), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Fund.ui.reversed");
        return RedirectToPage("/Fund/Index");
    }

    public async Task<IActionResult> OnPostApprovePaymentAsync(long id, CancellationToken ct)
    {
        var result = await payments.ApproveAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Fund.ui.payment_approved", Yuan.Format(result.Value.AmountFen));
        return RedirectToPage("/Fund/Index");
    }

    /// <summary>打印捐赠证书: the PDF, or the list with the reason (a reversed donation has none).</summary>
    public async Task<IActionResult> OnGetCertificateAsync(long id, CancellationToken ct)
    {
        var result = await certificates.HandleAsync(id, FundEndpoints.PublicBaseUrl(HttpContext, config), ct);
        if (result.IsSuccess)
        {
            return File(result.Value.Pdf, "application/pdf", result.Value.FileName);
        }

        return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnGetExportDonationsAsync(CancellationToken ct) =>
        ExcelPage.File(this, await exports.DonationsAsync(null, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnGetExportProjectsAsync(CancellationToken ct) =>
        ExcelPage.File(this, await exports.ProjectsAsync(null, ct)) ?? await OnGetAsync(ct);

    public async Task<IActionResult> OnGetExportPaymentsAsync(CancellationToken ct) =>
        ExcelPage.File(this, await exports.PaymentsAsync(null, ct)) ?? await OnGetAsync(ct);
}
