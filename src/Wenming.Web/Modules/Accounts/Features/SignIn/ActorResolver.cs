using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Wenming.Web.Modules.Accounts.Domain;
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

/// <summary>
/// The one statement that resolves an actor: the account joined with its unit, only the columns needed, no tracking,
/// no scope filter (the actor, and so the scope, is not known yet). Compiled once, so a request does no LINQ
/// expression work. The unit's type belongs to the Organization module; the query names it only through the
/// platform's <see cref="IOrgUnitNode"/>, as the scope filter does (ADR 0027).
/// </summary>
internal static class ActorQuery
{
    /// <summary>One compiled query per model (<see cref="CompiledPerModel{TQuery}"/>).</summary>
    private static readonly CompiledPerModel<Func<AppDbContext, long, Task<ActorRow?>>> Compiled = new(Compile);

    /// <summary>The parsed role list by its column value: a handful of distinct values, parsed once each, not per request.</summary>
    private static readonly ConcurrentDictionary<string, Role[]> ParsedRoles = new(StringComparer.Ordinal);

    public static Task<ActorRow?> ReadAsync(AppDbContext db, long userId) =>
        Compiled.For(db)(db, userId);

    public static IReadOnlyList<Role> RolesOf(string roleList) =>
        roleList.Length == 0 ? [] : ParsedRoles.GetOrAdd(roleList, static list => [.. list.Split(',').Select(Enum.Parse<Role>)]);

    private static Func<AppDbContext, long, Task<ActorRow?>> Compile(IModel model)
    {
        var unitType = model.GetEntityTypes().Select(t => t.ClrType).Single(t => typeof(IOrgUnitNode).IsAssignableFrom(t));
        var method = typeof(ActorQuery).GetMethod(nameof(CompileFor), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(unitType);
        return (Func<AppDbContext, long, Task<ActorRow?>>)method.Invoke(null, null)!;
    }

    private static Func<AppDbContext, long, Task<ActorRow?>> CompileFor<TUnit>()
        where TUnit : class, IOrgUnitNode =>
        EF.CompileAsyncQuery((AppDbContext db, long userId) => db.Set<AppUser>().Unscoped(Why.SignIn)
            .Where(u => u.Id == userId)
            .Join(
                db.Set<TUnit>().Unscoped(Why.SignIn),
                u => u.OrgUnitId,
                n => n.Id,
                (u, n) => new ActorRow(u.Id, u.UserName, u.DisplayName, u.RoleList, u.IsActive, u.SecurityStamp, u.OrgUnitId, u.CountyId, u.PersonId, n.Path, n.Name))
            .SingleOrDefault());
}
