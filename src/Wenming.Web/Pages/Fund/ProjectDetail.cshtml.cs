using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Fund.Features;
using Wenming.Web.Modules.Fund.Features.Payments;
using Wenming.Web.Modules.Fund.Features.Projects;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Fund;

public sealed class PayForm
{
    public string? AmountYuan { get; set; }

    public DateOnly? PaidOn { get; set; }

    public string? Payee { get; set; }

    public string? Purpose { get; set; }
}

public sealed class OutcomeForm
{
    public string? Summary { get; set; }

    public int? PeopleServed { get; set; }
}

/// <summary>One project: review (another person than the applicant), payments and their corrections, outcome with photos, close.</summary>
[Authorize(Roles = Roles.Overseers + "," + Roles.TeamLeader)]
public sealed class ProjectDetailModel(
    ProjectsHandler projects, PaymentsHandler payments, IOrgDirectory orgs, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    [BindProperty]
    public PayForm Pay { get; set; } = new();

    [BindProperty]
    public OutcomeForm Outcome { get; set; } = new();

    public ProjectDto Project { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public IReadOnlyList<PaymentDto> Payments { get; private set; } = [];

    public bool IsTreasurer => FundAccess.IsTreasurer(actor);

    public bool IsApplicant => Project.AppliedByUserId == actor.UserId;

    public bool CanReport => IsApplicant || actor.IsAdmin;

    public long? UserId => actor.UserId;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await projects.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Project = result.Value;
        UnitName = (await orgs.FindAsync(Project.OrgUnitId, ct))?.Name ?? "";
        var list = await payments.ListAsync(new ListPaymentsRequest { ProjectId = id, Page = 1, PageSize = 100 }, ct);
        Payments = list.IsSuccess ? list.Value.Items : [];
        Pay.PaidOn ??= FundPage.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(long id, string? approvedYuan, CancellationToken ct)
    {
        var fen = Yuan.ParseFen(approvedYuan);
        if (fen is null)
        {
            ModelState.AddModelError(string.Empty, Text.Get("Fund.error.yuan_format"));
            return await OnGetAsync(id, ct);
        }

        return await Done(await projects.ApproveAsync(id, new ApproveProjectRequest(fen), ct), id, "Fund.ui.approved", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct) =>
        await Done(await projects.RejectAsync(id, new RejectProjectRequest(reason), ct), id, "Fund.ui.rejected", ct);

    public async Task<IActionResult> OnPostPayAsync(long id, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var fen = Yuan.ParseFen(Pay.AmountYuan);
        if (fen is null)
        {
            ModelState.AddModelError("Pay.AmountYuan", Text.Get("Fund.error.yuan_format"));
        }

        var result = await payments.PayAsync(id, new PayRequest(fen ?? 0, Pay.PaidOn, Pay.Payee, Pay.Purpose), ct);
        if (fen is null || !result.IsSuccess)
        {
            if (!result.IsSuccess)
            {
                Refuse(result.Error!, prefix: "Pay", fieldOf: new Dictionary<string, string> { ["fund.insufficient"] = "amountYuan", ["project.budget_exceeded"] = "amountYuan" });
                FundPage.MoveErrors(ModelState, "Pay.AmountFen", fen is null ? null : "Pay.AmountYuan");
            }

            return result.Error?.Kind is Platform.Errors.ErrorKind.NotFound ? NotFoundPage() : await OnGetAsync(id, ct);
        }

        Notice = Text.Get(result.Value.Status == PaymentStatus.Pending ? "Fund.ui.payment_pending" : "Fund.ui.paid", Yuan.Format(result.Value.AmountFen));
        return RedirectToPage("/Fund/ProjectDetail", new { id });
    }

    public async Task<IActionResult> OnPostApprovePaymentAsync(long id, long paymentId, CancellationToken ct)
    {
        var result = await payments.ApproveAsync(paymentId, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Fund.ui.payment_approved", Yuan.Format(result.Value.AmountFen));
        return RedirectToPage("/Fund/ProjectDetail", new { id });
    }

    public async Task<IActionResult> OnPostRejectPaymentAsync(long id, long paymentId, string? reason, CancellationToken ct)
    {
        var result = await payments.RejectAsync(paymentId, reason, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Fund.ui.payment_rejected", Yuan.Format(result.Value.AmountFen));
        return RedirectToPage("/Fund/ProjectDetail", new { id });
    }

    public async Task<IActionResult> OnPostReversePaymentAsync(long id, long paymentId, string? reason, CancellationToken ct)
    {
        var result = await payments.ReverseAsync(paymentId, reason, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get("Fund.ui.reversed");
        return RedirectToPage("/Fund/ProjectDetail", new { id });
    }

    public async Task<IActionResult> OnPostOutcomeAsync(long id, List<IFormFile>? photos, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var streams = (photos ?? []).Where(p => p.Length > 0).Select(p => (p.FileName, p.OpenReadStream())).ToList();
        try
        {
            var result = await projects.ReportOutcomeWithPhotosAsync(id, Outcome.Summary, Outcome.PeopleServed, streams, ct);
            return await Done(result, id, "Fund.ui.outcome_saved", ct, "Outcome");
        }
        finally
        {
            foreach (var (_, stream) in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        await Done(await projects.CloseAsync(id, ct), id, "Fund.ui.closed", ct);

    private async Task<IActionResult> Done(Platform.Errors.Result<ProjectDto> result, long id, string noticeKey, CancellationToken ct, string prefix = "")
    {
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: prefix) ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get(noticeKey);
        return RedirectToPage("/Fund/ProjectDetail", new { id });
    }
}
