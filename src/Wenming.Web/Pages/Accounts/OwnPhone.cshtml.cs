using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Features.OwnPhone;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Accounts;

/// <summary>我的 → 修改手机号码: the person's number and the account's sign-in number change together.</summary>
public sealed class OwnPhoneModel(ChangeOwnPhoneHandler change) : AppPageModel
{
    private static readonly Dictionary<string, string> FieldOf = new()
    {
        ["account.phone_taken"] = "phone",
    };

    [BindProperty]
    public PhoneInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Input.Phone = await change.CurrentAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return Page();
        }

        var result = await change.HandleAsync(new ChangeOwnPhoneRequest(Input.Phone), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: FieldOf) ?? Page();
        }

        Notice = Text.Get("Accounts.phone.changed");
        return Redirect("/me");
    }
}

public sealed class PhoneInput
{
    public string? Phone { get; set; }
}
