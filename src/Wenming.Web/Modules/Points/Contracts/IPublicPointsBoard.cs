namespace Wenming.Web.Modules.Points.Contracts;

/// <summary>One line of the public points notice (积分公示) as anyone may read it: the name masked (张*三), never the person's id.</summary>
public sealed record PublicPointsNotice(
    long Id, string PersonName, long OrgUnitId, long Points, PointKind Kind, string CategoryLabel, string Reason, bool InNotice, string StatusLabel, DateTime? DecidedAt, DateTime? NoticeEndsAt);

/// <summary>One place on a public points ranking: rank (equal points share one), masked name, points earned.</summary>
public sealed record PublicRankingEntry(int Rank, string PersonName, long Earned);

/// <summary>
/// The points module's public face for the portal (issue 16): what a village's notice board shows, read for anyone
/// without sign-in, so names leave here masked and nothing else about the person does.
/// </summary>
public interface IPublicPointsBoard
{
    /// <summary>Approved awards and deductions in their notice, then those credited lately, of these units; newest decisions first.</summary>
    Task<IReadOnlyList<PublicPointsNotice>> NoticesAsync(IReadOnlyCollection<long> unitIds, DateTime nowUtc, int take, CancellationToken ct = default);

    /// <summary>The people of these units by earned points, highest first.</summary>
    Task<IReadOnlyList<PublicRankingEntry>> RankingAsync(IReadOnlyCollection<long> unitIds, int take, CancellationToken ct = default);
}
