using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Points.Features.Ranking;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points;

/// <summary>积分榜: a village's (or, for cadres, any visible unit's) people by earned points; names masked for residents.</summary>
[Authorize]
public sealed class RankingModel(RankingHandler ranking, CurrentActor actor, IOrgDirectory orgs) : AppPageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? UnitId { get; set; }

    public int Top => 20;

    public bool IsOverseer => actor.RequireOverseer() is null;

    public RankingDto Result { get; private set; } = null!;

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await ranking.HandleAsync(new RankingRequest { OrgUnitId = UnitId, Top = Top }, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Result = result.Value;
        // Cadres pick among the townships and villages they oversee; a resident has one board, their own.
        Units = IsOverseer ? [.. (await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct)).Where(u => u.Level <= OrgLevel.Village)] : [];
        return Page();
    }
}
