using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
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
internal sealed class ActorResolver(PostgresDirectReads direct, IServiceProvider services, CurrentActor actor, OrgScope scope, SignedInAccount account) : IActorResolver
{
    public async Task ResolveAsync(HttpContext ctx)
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated != true || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return;
        }

        // On PostgreSQL without a context (ADR 0096): GET /me then leases none at all. The context is the request's own
        // (scoped), so a handler that needs one later gets the same.
        var row = direct.IsOn ? await ActorQuery.ReadAsync(direct, userId) : await ActorQuery.ReadAsync(services.GetRequiredService<AppDbContext>(), userId);
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
                // The claim holds the role's name (CreatePrincipal writes role.ToString()); .NET keeps an enum's names,
                // so comparing with the name allocates nothing and parses nothing, on every request.
                if (seen >= roles.Count || claim.Value != roles[seen].ToString())
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
/// The one statement that resolves an actor: the account joined with its unit, only the columns needed, no scope filter
/// (the actor, and so the scope, is not known yet). Every signed-in request runs it, so it is a hand-written statement
/// built once (<see cref="RawStatement"/>), not a LINQ query: even compiled, EF Core's query pipeline (query context,
/// the shaper's delegates made anew on each run, the enumerator) cost about as much of the web process's CPU as the
/// command itself (issue 19, ADR 0082). On PostgreSQL the same text goes through <see cref="PostgresDirectReads"/>, without
/// a context (ADR 0096). The table and column names come from the model. The unit's type belongs to the
/// Organization module; the statement finds it only through the platform's <see cref="IOrgUnitNode"/>, as the scope
/// filter does (ADR 0027).
/// </summary>
internal static class ActorQuery
{
    private static readonly RawStatement Statement = new(because: Why.SignIn, Format);

    /// <summary>The parsed role list by its column value: a handful of distinct values, parsed once each, not per request.</summary>
    private static readonly ConcurrentDictionary<string, Role[]> ParsedRoles = new(StringComparer.Ordinal);

    /// <summary>The statement as <see cref="PostgresDirectReads"/> sends it: PostgreSQL's positional parameter for the id.</summary>
    private static string? direct;

    public static Task<ActorRow?> ReadAsync(AppDbContext db, long userId) =>
        Statement.ReadFirstOrDefaultAsync(db, Read, CancellationToken.None, userId);

    public static Task<ActorRow?> ReadAsync(PostgresDirectReads reads, long userId) =>
        reads.ReadFirstOrDefaultAsync(direct ??= string.Format(CultureInfo.InvariantCulture, Format(reads.Model!), "$1"), userId, Read, CancellationToken.None);

    public static IReadOnlyList<Role> RolesOf(string roleList) =>
        roleList.Length == 0 ? [] : ParsedRoles.GetOrAdd(roleList, static list => [.. list.Split(',').Select(Enum.Parse<Role>)]);

    /// <summary>Columns in the order <see cref="Read"/> takes them.</summary>
    private static string Format(IModel model)
    {
        var user = model.FindEntityType(typeof(AppUser))!;
        var unit = model.GetEntityTypes().Single(t => typeof(IOrgUnitNode).IsAssignableFrom(t.ClrType));
        string[] columns =
        [
            .. new[] { nameof(AppUser.Id), nameof(AppUser.UserName), nameof(AppUser.DisplayName), nameof(AppUser.RoleList), nameof(AppUser.IsActive), nameof(AppUser.SecurityStamp), nameof(AppUser.OrgUnitId), nameof(AppUser.CountyId), nameof(AppUser.PersonId) }
                .Select(p => RawStatement.Column(user, "a", p)),
            RawStatement.Column(unit, "o", nameof(IOrgUnitNode.Path)),
            RawStatement.Column(unit, "o", nameof(IOrgUnitNode.Name)),
        ];
        return $"SELECT {string.Join(", ", columns)} FROM {RawStatement.Table(user)} AS a"
            + $" INNER JOIN {RawStatement.Table(unit)} AS o ON {RawStatement.Column(user, "a", nameof(AppUser.OrgUnitId))} = {RawStatement.Column(unit, "o", nameof(IOrgUnitNode.Id))}"
            + $" WHERE {RawStatement.Column(user, "a", nameof(AppUser.Id))} = {{0}}";
    }

    private static ActorRow Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.IsDBNull(1) ? null : r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetBoolean(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.GetInt64(6),
        r.IsDBNull(7) ? null : r.GetInt64(7),
        r.IsDBNull(8) ? null : r.GetInt64(8),
        r.GetString(9),
        r.GetString(10));
}
