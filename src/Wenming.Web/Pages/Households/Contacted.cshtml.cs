using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Features.Households;
using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages.Households;

/// <summary>我联系的户 (1+10) on a phone: the contact person's households, those with overdue events first; each opens to log events and visits.</summary>
[Authorize]
public sealed class ContactedModel(HouseholdsHandler households) : AppPageModel
{
    public IReadOnlyList<HouseholdDto> Households { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await households.ContactedAsync(ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Households = result.Value;
        return Page();
    }
}
