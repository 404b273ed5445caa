using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.SocialOrgs.Features.GetSocialOrg;
using Wenming.Web.Modules.SocialOrgs.Features.UpdateSocialOrg;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.SocialOrgs;

[Authorize(Roles = SocialOrgLabels.Registrars)]
public sealed class EditModel(GetSocialOrgHandler get, UpdateSocialOrgHandler update) : AppPageModel, ISocialOrgForm
{
    [BindProperty]
    public SocialOrgInput Input { get; set; } = new();

    public long Id { get; private set; }

    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? NotFoundPage();
        }

        var o = result.Value;
        (Id, CurrentName) = (o.Id, o.Name);
        Input = new SocialOrgInput
        {
            Name = o.Name,
            Kind = o.Kind,
            CreditCode = o.CreditCode,
            ServiceFields = o.ServiceFields,
            ContactName = o.ContactName,
            ContactPhone = o.ContactPhone,
            Address = o.Address,
            IsFederationMember = o.IsFederationMember,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        var current = await get.HandleAsync(id, ct);
        if (!current.IsSuccess)
        {
            return Refuse(current.Error!) ?? NotFoundPage();
        }

        (Id, CurrentName) = (id, current.Value.Name);
        if (BindingFailed())
        {
            return Page();
        }

        var result = await update.HandleAsync(id, Input.ToUpdate(), ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: CreateModel.FieldOf) ?? Page();
        }

        Notice = Text.Get("SocialOrgs.so.saved");
        return RedirectToPage("/SocialOrgs/Detail", new { id });
    }
}
