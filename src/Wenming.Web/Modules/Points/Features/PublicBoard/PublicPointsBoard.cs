using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Modules.Points.Features.Ranking;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.PublicBoard;

/// <summary>
/// The notice list and the ranking of <see cref="ListAwardsHandler"/> and <see cref="RankingHandler"/> for an
/// anonymous portal visitor: the same rows (what was decided in public), read without a caller's scope because the
/// portal has no caller, and every name through <see cref="RankingHandler.Mask"/> (张*三) — the person id stays here.
/// </summary>
internal sealed class PublicPointsBoard(AppDbContext db, OrgScope scope, IPeopleDirectory people) : IPublicPointsBoard
{
    public async Task<IReadOnlyList<PublicPointsNotice>> NoticesAsync(IReadOnlyCollection<long> unitIds, DateTime nowUtc, int take, CancellationToken ct = default)
    {
        var since = nowUtc.AddDays(-ListAwardsHandler.CreditedShownDays);
        var rows = await db.Set<PointAward>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
            .Where(a => unitIds.Contains(a.OrgUnitId) && (a.Status == AwardStatus.Approved || (a.Status == AwardStatus.Credited && a.CreditedAt >= since)))
            .OrderBy(a => a.Status == AwardStatus.Approved ? 0 : 1).ThenByDescending(a => a.DecidedAt).ThenByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(ct);
        var names = await NamesAsync([.. rows.Select(a => a.PersonId)], ct);
        return [.. rows.Select(a => new PublicPointsNotice(
            a.Id, RankingHandler.Mask(names.GetValueOrDefault(a.PersonId) ?? ""), a.OrgUnitId, a.Points, a.Kind, AwardLabels.Category(a.Category), a.Reason,
            a.Status == AwardStatus.Approved, AwardLabels.Status(a.Status), a.DecidedAt, a.NoticeEndsAt))];
    }

    public async Task<IReadOnlyList<PublicRankingEntry>> RankingAsync(IReadOnlyCollection<long> unitIds, int take, CancellationToken ct = default)
    {
        var top = await db.Set<PointAccount>().Unscoped(because: Why.PublicDisclosure).AsNoTracking()
            .Where(a => unitIds.Contains(a.OrgUnitId) && a.Earned > 0)
            .OrderByDescending(a => a.Earned).ThenBy(a => a.PersonId)
            .Take(take)
            .Select(a => new { a.PersonId, a.Earned })
            .ToListAsync(ct);
        var names = await NamesAsync([.. top.Select(a => a.PersonId)], ct);
        var items = new List<PublicRankingEntry>(top.Count);
        for (var i = 0; i < top.Count; i++)
        {
            var rank = i > 0 && top[i].Earned == top[i - 1].Earned ? items[i - 1].Rank : i + 1;
            items.Add(new PublicRankingEntry(rank, RankingHandler.Mask(names.GetValueOrDefault(top[i].PersonId) ?? ""), top[i].Earned));
        }

        return items;
    }

    private async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        using (scope.Unscoped(because: Why.PublicDisclosure))
        {
            return await people.NamesAsync([.. ids.Distinct()], ct);
        }
    }
}
