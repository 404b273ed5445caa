using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Assessment.Contracts;
using Wenming.Web.Modules.Assessment.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Assessment.Features.Schemes;

/// <summary>The monthly report's view of published rankings, read through the scoped context like the report's other figures.</summary>
internal sealed class PublishedAssessments(AppDbContext db, IOrgDirectory orgs) : IPublishedAssessments
{
    public async Task<PublishedRanking?> ForPeriodAsync(long orgUnitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        string? period = null;
        if (from.Day == 1 && to >= from && to <= from.AddMonths(1).AddDays(-1))
        {
            period = from.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
        else if (from.DayOfYear == 1 && to.Year == from.Year)
        {
            period = from.Year.ToString(CultureInfo.InvariantCulture);
        }

        if (period is null)
        {
            return null;
        }

        var scheme = await db.Set<AssessmentScheme>().AsNoTracking()
            .Where(s => s.OrgUnitId == orgUnitId && s.Period == period && s.Status == AssessmentStatus.Published)
            .OrderByDescending(s => s.PublishedAt).FirstOrDefaultAsync(ct);
        if (scheme is null)
        {
            return null;
        }

        var rows = await db.Set<AssessmentResult>().AsNoTracking().Where(r => r.SchemeId == scheme.Id).ToListAsync(ct);
        var names = await orgs.NamesAsync([.. rows.Select(r => r.OrgUnitId)], ct);
        return new PublishedRanking(
            scheme.Id,
            AssessmentSchemesHandler.Title(scheme.Period, scheme.Level),
            [.. rows.OrderBy(r => r.Rank).Select(r => new PublishedRankingRow(r.OrgUnitId, names.GetValueOrDefault(r.OrgUnitId) ?? "—", r.Score, r.Rank))]);
    }
}
