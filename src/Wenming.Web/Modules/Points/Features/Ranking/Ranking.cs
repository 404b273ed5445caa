using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Ranking;

public sealed record RankingRequest
{
    public long? OrgUnitId { get; set; }

    public const int DefaultTop = 20;

    [DefaultValue(DefaultTop)]
    public int? Top { get; set; }
}

/// <param name="PersonId">Shown to admins and supervisors only (they open the person's ledger from here).</param>
/// <param name="Name">Full for admins and supervisors; masked (张*三, 张*) for everyone else.</param>
public sealed record RankingEntryDto(int Rank, long? PersonId, string Name, long Earned, int CreditStars, bool IsMe);

public sealed record RankingDto(long OrgUnitId, string UnitName, bool NamesMasked, IReadOnlyList<RankingEntryDto> Items);

/// <summary>
/// 积分榜: the people of a unit's subtree by earned points (what they did, not what is left after the
/// supermarket), highest first, ties by person id, equal points sharing a rank (1, 2, 2, 4). Anyone signed
/// in reads the ranking of a unit in their own subtree (a resident: their village); only overseers see
/// full names, since a public board needs no more than a masked name.
/// </summary>
public sealed class RankingHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IPeopleDirectory people, PointRulesReader rules)
{
    public const int MaxTop = 100;

    public async Task<Result<RankingDto>> HandleAsync(RankingRequest request, CancellationToken ct)
    {
        if (request.Top is < 1 or > MaxTop)
        {
            return Error.Field("top", "Points.error.top_range", MaxTop);
        }

        if ((request.OrgUnitId ?? actor.OrgUnitId) is not { } unitId || await orgs.FindAsync(unitId, ct) is not { } unit
            || await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
        {
            return Error.NotFound("org.not_found");
        }

        var top = await db.Set<PointAccount>().AsNoTracking()
            .Where(a => unitIds.Contains(a.OrgUnitId) && a.Earned > 0)
            .OrderByDescending(a => a.Earned).ThenBy(a => a.PersonId)
            .Take(request.Top ?? RankingRequest.DefaultTop)
            .Select(a => new { a.PersonId, a.Earned })
            .ToListAsync(ct);
        var names = await people.NamesAsync([.. top.Select(a => a.PersonId)], ct);
        var full = actor.RequireOverseer() is null;
        var thresholds = await rules.ForUnitAsync(unitId, ct);
        var items = new List<RankingEntryDto>(top.Count);
        for (var i = 0; i < top.Count; i++)
        {
            var rank = i > 0 && top[i].Earned == top[i - 1].Earned ? items[i - 1].Rank : i + 1;
            var name = names.GetValueOrDefault(top[i].PersonId) ?? "—";
            items.Add(new RankingEntryDto(
                rank, full ? top[i].PersonId : null, full ? name : Mask(name), top[i].Earned, thresholds.StarsFor(top[i].Earned), top[i].PersonId == actor.PersonId));
        }

        return new RankingDto(unit.Id, unit.Name, !full, items);
    }

    /// <summary>张三 → 张*, 张小三 → 张*三, 欧阳小三 → 欧**三: the family name and the last character only.</summary>
    public static string Mask(string name)
    {
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(name.Trim());
        var text = name.Trim();
        string At(int i) => System.Globalization.StringInfo.GetNextTextElement(text, chars[i]);
        return chars.Length switch
        {
            0 => "—",
            1 => At(0),
            2 => At(0) + "*",
            _ => At(0) + new string('*', chars.Length - 2) + At(chars.Length - 1),
        };
    }
}
