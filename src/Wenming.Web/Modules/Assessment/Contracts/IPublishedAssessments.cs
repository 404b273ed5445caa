namespace Wenming.Web.Modules.Assessment.Contracts;

public sealed record PublishedRankingRow(long OrgUnitId, string Name, decimal Score, int Rank);

public sealed record PublishedRanking(long SchemeId, string Title, IReadOnlyList<PublishedRankingRow> Rows);

/// <summary>The published 考评 rankings, for the monthly report (月通报) of the statistics.</summary>
public interface IPublishedAssessments
{
    /// <summary>
    /// The latest published ranking run by <paramref name="orgUnitId"/> for the month (or year) the dates cover, or null
    /// when there is none or the dates are not one month or one year.
    /// </summary>
    Task<PublishedRanking?> ForPeriodAsync(long orgUnitId, DateOnly from, DateOnly to, CancellationToken ct);
}
