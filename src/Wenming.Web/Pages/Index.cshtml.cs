using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Features.Me;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Modules.Organization.Features;
using Wenming.Web.Modules.Organization.Features.GetOrgUnit;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages;

/// <summary>The welcome page: the bound unit and, for those who oversee it, what its subtree holds.</summary>
public sealed class IndexModel(CurrentActor actor, MeHandler me, GetOrgUnitHandler units, AppDbContext db) : AppPageModel
{
    public OrgUnitDto? Unit { get; private set; }

    public string DisplayName { get; private set; } = "";

    public bool ShowCounts { get; private set; }

    public int SubUnits { get; private set; }

    public int People { get; private set; }

    public int Accounts { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = (await me.HandleAsync(ct))?.DisplayName ?? actor.Login ?? "";
        if (actor.OrgUnitId is { } unitId && (await units.HandleAsync(unitId, ct)) is { IsSuccess: true } found)
        {
            Unit = found.Value;
        }

        // Residents and volunteers see the welcome only: counts of a whole station are an overseer's business.
        ShowCounts = actor.IsAdmin || actor.Has(Platform.Scope.Role.Supervisor);
        if (ShowCounts)
        {
            // The context's sets are scoped to the caller's subtree, so these are "in my scope" counts.
            SubUnits = await db.OrgUnits.CountAsync(u => u.Id != actor.OrgUnitId, ct);
            People = await db.Set<Person>().CountAsync(ct);
            Accounts = await db.Users.CountAsync(ct);
        }
    }
}
