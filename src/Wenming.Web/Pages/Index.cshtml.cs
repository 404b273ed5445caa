using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Modules.Accounts.Features.Me;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages;

/// <summary>
/// The home page is the signed-in person's work list: the bound unit, then every module's card
/// (<see cref="IHomeContributor"/>): to-dos with counts for admins and the supervisor, their own next
/// things and shortcuts for residents, volunteers and leaders. Overseers also see what their subtree holds.
/// A visitor who is not signed in is shown the public portal (issue 16), with sign-in one tap away there.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(CurrentActor actor, MeHandler me, IOrgDirectory orgs, IPeopleDirectory people, IAccountDirectory accounts) : AppPageModel
{
    public OrgUnitInfo? Unit { get; private set; }

    public string DisplayName { get; private set; } = "";

    public bool ShowCounts { get; private set; }

    public int SubUnits { get; private set; }

    public int People { get; private set; }

    public int Accounts { get; private set; }

    public IReadOnlyList<HomeCard> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return RedirectToPage("/Content/Portal");
        }

        DisplayName = me.Handle()?.DisplayName ?? actor.Login ?? "";
        if (actor.OrgUnitId is { } unitId)
        {
            Unit = await orgs.FindAsync(unitId, ct);
        }

        Cards = await HomeCards.ForAsync(HttpContext.RequestServices, ct);

        // Residents and volunteers see their own things only: counts of a whole station are an overseer's business.
        ShowCounts = actor.IsAdmin || actor.Has(Role.Supervisor);
        if (ShowCounts)
        {
            // The directories honour the caller's org scope, so these are "in my scope" counts; the own unit is not a sub-unit.
            SubUnits = await orgs.VisibleCountAsync(ct) - (Unit is null ? 0 : 1);
            People = await people.VisibleCountAsync(ct);
            Accounts = await accounts.VisibleCountAsync(ct);
        }

        return Page();
    }
}
