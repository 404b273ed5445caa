using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Features;

namespace Wenming.Web.Pages.Content;

/// <summary>The portal's activity calendar: upcoming published activities by day; <c>recruiting</c> lists those still taking volunteers.</summary>
public sealed class PortalActivitiesModel(PublicArticlesHandler portal, PortalSections sections) : PortalSectionPage(portal)
{
    public IReadOnlyList<IGrouping<DateOnly, PublicActivityDto>> Days { get; private set; } = [];

    public bool Recruiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? unit, bool recruiting, CancellationToken ct)
    {
        if (await ResolveAsync(unit, ct) is { } refused)
        {
            return refused;
        }

        Recruiting = recruiting;
        var all = await sections.ActivitiesOfAsync(Unit, ct);
        Days = [.. all.Where(a => !recruiting || a.Recruiting).GroupBy(a => DateOnly.FromDateTime(a.StartsAt.DateTime))];
        return Page();
    }
}
