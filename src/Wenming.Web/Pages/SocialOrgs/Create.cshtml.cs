using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.SocialOrgs.Features.RegisterSocialOrg;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.SocialOrgs;

/// <summary>Registers an organization at the caller's unit (the county center).</summary>
[Authorize(Roles = SocialOrgLabels.Registrars)]
public sealed class CreateModel(RegisterSocialOrgHandler register) : AppPageModel, ISocialOrgForm
{
    /// <summary>Conflicts have no field of their own but belong to one input.</summary>
    internal static readonly Dictionary<string, string> FieldOf = new()
    {
        ["socialorg.duplicate_name"] = "name",
        ["socialorg.duplicate_credit_code"] = "creditCode",
    };

    [BindProperty]
    public SocialOrgInput Input { get; set; } = new() { IsFederationMember = true };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return Page();
        }

        var result = await register.HandleAsync(Input.ToRegister(), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: FieldOf) ?? Page();
        }

        Notice = Text.Get("SocialOrgs.so.saved");
        return RedirectToPage("/SocialOrgs/Detail", new { id = result.Value.Id });
    }
}
