using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>What one request reads of its account and the bound unit: all the resolver checks and all /me shows.</summary>
public sealed record ActorRow(
    long Id,
    string? UserName,
    string DisplayName,
    string RoleList,
    bool IsActive,
    string? SecurityStamp,
    long OrgUnitId,
    long? CountyId,
    long? PersonId,
    string UnitPath,
    string UnitName);

/// <summary>
/// The account as <see cref="ActorResolver"/> read it for this request, so that /me and the 我的 page show it
/// without reading it again. Empty when the request is anonymous.
/// </summary>
public sealed class SignedInAccount
{
    public ActorRow? Row { get; private set; }

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    internal void Set(ActorRow row, IReadOnlyList<Role> roles)
    {
        Row = row;
        Roles = roles;
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
    private static Func<AppDbContext, long, Task<ActorRow?>>? _compiled;

    /// <summary>The parsed role list by its column value: a handful of distinct values, parsed once each, not per request.</summary>
    private static readonly ConcurrentDictionary<string, Role[]> ParsedRoles = new(StringComparer.Ordinal);

    public static Task<ActorRow?> ReadAsync(AppDbContext db, long userId) => (_compiled ??= Compile(db))(db, userId);

    public static IReadOnlyList<Role> RolesOf(string roleList) =>
        roleList.Length == 0 ? [] : ParsedRoles.GetOrAdd(roleList, static list => [.. list.Split(',').Select(Enum.Parse<Role>)]);

    private static Func<AppDbContext, long, Task<ActorRow?>> Compile(AppDbContext db)
    {
        var unitType = db.Model.GetEntityTypes().Select(t => t.ClrType).Single(t => typeof(IOrgUnitNode).IsAssignableFrom(t));
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
