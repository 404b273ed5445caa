using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wenming.Web.Modules.Accounts.Features.SmsGateway;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Accounts;

/// <summary>账号 → 短信网关: the county's text-message gateway (center admins of a county only, ADR 0056).</summary>
[Authorize]
public sealed class SmsGatewayModel(SmsGatewayHandler handler, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public SmsGatewayInput Input { get; set; } = new();

    [BindProperty]
    public string? TestPhone { get; set; }

    public SmsGatewayDto Current { get; private set; } = null!;

    public SmsTestResult? TestResult { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Input = new SmsGatewayInput { Kind = Current.Kind, Url = Current.Url, Sign = Current.Sign, Template = Current.Template };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (BindingFailed())
        {
            return Page();
        }

        var result = await handler.SetAsync(Current.CountyId, new SmsGatewayRequest(Input.Kind, Input.Url, Input.Sign, Input.Template, Input.Key, Input.ClearKey), ct);
        if (!result.IsSuccess)
        {
            Input.Key = null;
            return Refuse(result.Error!) ?? Page();
        }

        Notice = Text.Get("Accounts.sms.saved");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        Input = new SmsGatewayInput { Kind = Current.Kind, Url = Current.Url, Sign = Current.Sign, Template = Current.Template };
        ModelState.Clear();
        var result = await handler.SendTestAsync(Current.CountyId, new SmsTestRequest(TestPhone), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "", fieldOf: new Dictionary<string, string> { ["account.sms_gateway_none"] = "testPhone" }) is { } end ? end : RenameTestPhone();
        }

        TestResult = result.Value;
        return Page();
    }

    /// <summary>The handler names the field "phone"; on this page it is the test form's input.</summary>
    private PageResult RenameTestPhone()
    {
        if (ModelState.TryGetValue("Phone", out var entry))
        {
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove("Phone");
            foreach (var message in messages)
            {
                ModelState.AddModelError(nameof(TestPhone), message);
            }
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (actor.CountyId is not { } countyId)
        {
            return Forbid();
        }

        var current = await handler.GetAsync(countyId, ct);
        if (!current.IsSuccess)
        {
            return Refuse(current.Error!, prefix: "") ?? Forbid();
        }

        Current = current.Value;
        return null;
    }
}

public sealed class SmsGatewayInput
{
    public string? Kind { get; set; }

    public string? Url { get; set; }

    public string? Sign { get; set; }

    public string? Template { get; set; }

    public string? Key { get; set; }

    public bool ClearKey { get; set; }
}
