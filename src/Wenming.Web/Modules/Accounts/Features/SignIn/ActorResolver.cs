using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>
/// Re-reads the account on every request: a deactivated account or a rotated security stamp
/// ends the session at once, and roles and the bound unit's subtree are always current.
/// </summary>
internal sealed class ActorResolver(AppDbContext db, IOrgDirectory orgs, CurrentActor actor, OrgScope scope) : IActorResolver
{
    public async Task ResolveAsync(HttpContext ctx)
    {
        if (ctx.User.Identity?.IsAuthenticated != true || !long.TryParse(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        AppUser? user;
        string? unitPath = null;
        using (scope.Unscoped(because: Why.SignIn))
        {
            user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId);
            if (user is not null)
            {
                unitPath = (await orgs.FindAsync(user.OrgUnitId))?.Path;
            }
        }

        if (user is null || !user.IsActive || unitPath is null || user.SecurityStamp != ctx.User.FindFirstValue(SignInService.StampClaim))
        {
            ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (!ctx.Request.Path.StartsWithSegments("/api"))
            {
                await ctx.SignOutAsync(PlatformSetup.CookieScheme);
            }

            return;
        }

        actor.SignedIn(user.Id, user.UserName ?? "", user.Roles, user.OrgUnitId, user.CountyId, user.PersonId);
        if (user.HasRole(Role.SystemAdmin))
        {
            scope.AllowEverything();
        }
        else
        {
            scope.RestrictTo(unitPath);
        }

        ctx.User = SignInService.CreatePrincipal(user, ctx.User.Identity.AuthenticationType ?? PlatformSetup.SmartScheme);
    }
}
