using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>
/// Re-reads the account on every request, in one compiled statement (<see cref="ActorQuery"/>): a deactivated
/// account or a rotated security stamp ends the session at once, and roles and the bound unit's subtree are always
/// current (ADR 0003). What it read stays in <see cref="SignedInAccount"/> for the rest of the request.
/// </summary>
internal sealed class ActorResolver(AppDbContext db, CurrentActor actor, OrgScope scope, SignedInAccount account) : IActorResolver
{
    public async Task ResolveAsync(HttpContext ctx)
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated != true || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        var row = await ActorQuery.ReadAsync(db, userId);
        // The inner join drops an account whose unit is gone, so a missing row covers both.
        if (row is null || !row.IsActive || row.SecurityStamp != user.FindFirstValue(SignInService.StampClaim))
        {
            ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (!ctx.Request.Path.StartsWithSegments("/api"))
            {
                await ctx.SignOutAsync(PlatformSetup.CookieScheme);
            }

            return;
        }

        var roles = ActorQuery.RolesOf(row.RoleList);
        account.Set(row, roles);
        actor.SignedIn(row.Id, row.UserName ?? "", roles, row.OrgUnitId, row.CountyId, row.PersonId);
        if (roles.Contains(Role.SystemAdmin))
        {
            scope.AllowEverything();
        }
        else
        {
            scope.RestrictTo(row.UnitPath);
        }

        // Page authorization ([Authorize(Roles = ...)]) reads the role claims, so they must be today's roles; the
        // principal from the cookie or token is rebuilt only when its name or roles are no longer the account's.
        if (!ClaimsAreCurrent(user, row.UserName ?? "", roles))
        {
            ctx.User = SignInService.CreatePrincipal(row.Id, row.UserName, row.SecurityStamp, roles, user.Identity.AuthenticationType ?? PlatformSetup.SmartScheme);
        }
    }

    /// <summary>Whether the principal's name and role claims are exactly the account's (the claims <see cref="SignInService.CreatePrincipal(long, string?, string?, IReadOnlyList{Role}, string)"/> writes).</summary>
    private static bool ClaimsAreCurrent(ClaimsPrincipal user, string userName, IReadOnlyList<Role> roles)
    {
        var seen = 0;
        var named = false;
        foreach (var claim in user.Claims)
        {
            if (claim.Type == ClaimTypes.Role)
            {
                if (seen >= roles.Count || !Enum.TryParse<Role>(claim.Value, out var role) || role != roles[seen])
                {
                    return false;
                }

                seen++;
            }
            else if (claim.Type == ClaimTypes.Name)
            {
                if (named || claim.Value != userName)
                {
                    return false;
                }

                named = true;
            }
        }

        return named && seen == roles.Count;
    }
}
