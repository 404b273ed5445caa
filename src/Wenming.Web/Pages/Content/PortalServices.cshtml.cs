using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Features;

namespace Wenming.Web.Pages.Content;

/// <summary>The service menu (服务菜单): what a resident of the unit may order; 点单 signs in first and comes back to the order form.</summary>
public sealed class PortalServicesModel(PublicArticlesHandler portal, PortalSections sections) : PortalSectionPage(portal)
{
    public IReadOnlyList<IGrouping<string, PublicServiceDto>> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long? unit, CancellationToken ct)
    {
        if (await ResolveAsync(unit, ct) is { } refused)
        {
            return refused;
        }

        Groups = [.. (await sections.ServicesOfAsync(Unit, ct)).GroupBy(s => s.CategoryLabel)];
        return Page();
    }
}
