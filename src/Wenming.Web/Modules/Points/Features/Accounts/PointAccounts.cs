using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Households.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Accounts;

/// <summary>The household's total: the sum of its members' accounts (DESIGN §6).</summary>
public sealed record HouseholdPointsDto(long HouseholdId, int MemberCount, long Balance, long Earned, string? Address = null);

/// <param name="NextStarAt">Earned points the next credit star needs; null at five stars.</param>
public sealed record PointAccountDto(
    long PersonId, string Name, long Balance, long Earned, int CreditStars, long? NextStarAt, IReadOnlyList<long> StarThresholds, HouseholdPointsDto? Household);

/// <summary>Chinese labels of the ledger's kinds (Points.kind.*), for pages and exports.</summary>
public static class PointKindLabels
{
    public static string Of(PointKind kind) => Text.Get("Points.kind." + kind);
}

/// <summary>
/// Who may read a person's points: the person themselves (any role), and the admins and supervisors whose
/// subtree holds the person. Anyone else gets 403 whether the person exists or not, so the answer tells
/// nothing about other people; an overseer asking outside their subtree gets 404 as everywhere.
/// </summary>
public sealed class PointsReadAccess(CurrentActor actor, OrgScope scope, IPeopleDirectory people)
{
    public async Task<Result<PersonInfo>> PersonAsync(long personId, CancellationToken ct)
    {
        if (actor.PersonId == personId)
        {
            // One's own account whatever unit the login is bound to.
            using (scope.Unscoped(because: Why.OwnRecords))
            {
                return await people.FindAsync(personId, ct) is { } self ? self : Error.NotFound("person.not_found");
            }
        }

        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        return await people.FindAsync(personId, ct) is { } person ? person : Error.NotFound("person.not_found");
    }
}

/// <summary>A person's balance, earned total, credit stars and their household's total.</summary>
public sealed class GetPointAccountHandler(AppDbContext db, CurrentActor actor, PointsReadAccess access, IHouseholdDirectory households, PointRulesReader rules)
{
    public async Task<Result<PointAccountDto>> MineAsync(CancellationToken ct) =>
        actor.PersonId is { } personId ? await GetAsync(personId, ct) : Error.NotFound("person.not_found");

    public async Task<Result<PointAccountDto>> GetAsync(long personId, CancellationToken ct)
    {
        var readable = await access.PersonAsync(personId, ct);
        if (!readable.IsSuccess)
        {
            return readable.Error!;
        }

        var person = readable.Value;
        var accounts = db.Set<PointAccount>().Unscoped(because: Why.CrossUnitReference).AsNoTracking();
        var own = await accounts.Where(a => a.PersonId == personId).Select(a => new { a.Balance, a.Earned }).SingleOrDefaultAsync(ct);
        var (balance, earned) = own is null ? (0, 0) : (own.Balance, own.Earned);
        // Stars use the thresholds of the person's county (they are set for the whole county).
        var applicable = await rules.ForUnitAsync(person.OrgUnitId, ct);
        int? next = applicable.StarThresholds.Where(t => t > earned).Select(t => (int?)t).FirstOrDefault();

        HouseholdPointsDto? household = null;
        if (await households.OfPersonUnscopedAsync(personId, ct) is { } members)
        {
            var ids = members.PersonIds;
            var totals = await accounts.Where(a => ids.Contains(a.PersonId))
                .GroupBy(a => 1)
                .Select(g => new { Balance = g.Sum(a => a.Balance), Earned = g.Sum(a => a.Earned) })
                .SingleOrDefaultAsync(ct);
            household = new HouseholdPointsDto(members.HouseholdId, ids.Count, totals?.Balance ?? 0, totals?.Earned ?? 0, members.Address);
        }

        return new PointAccountDto(person.Id, person.Name, balance, earned, applicable.StarsFor(earned), next, applicable.StarThresholds, household);
    }
}
