using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Features;

namespace Wenming.Web.Pages.Content;

/// <summary>积分公示 and 积分榜 of a unit's people, names masked (张*三): what the village notice board shows.</summary>
public sealed class PortalPointsModel(PublicArticlesHandler portal, PortalSections sections) : PortalSectionPage(portal)
{
    public IReadOnlyList<PublicPointsNoticeDto> Notices { get; private set; } = [];

    public PublicRankingDto Ranking { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long? unit, CancellationToken ct)
    {
        if (await ResolveAsync(unit, ct) is { } refused)
        {
            return refused;
        }

        Notices = [.. (await sections.NoticesOfAsync(Unit, ct)).Take(50)];
        var ranking = await sections.RankingOfAsync(Unit, ct);
        Ranking = ranking with { Items = [.. ranking.Items.Take(20)] };
        return Page();
    }
}
