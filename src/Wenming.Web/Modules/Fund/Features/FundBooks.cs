using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Fund.Features;

/// <summary>
/// The only code that moves the fund's money (ADR 0044). Each move is ONE conditional UPDATE that checks and
/// changes in the same statement and returns what it became (as the market's stock, ADR 0033): on PostgreSQL the
/// UPDATE waits for the row lock and re-checks its condition on the newest row, on SQLite the write transaction
/// excludes other writers. So two payments at once that together would overdraw cannot both pass. The caller
/// holds the transaction and writes the entry in it; rows are always locked project first, account second.
/// </summary>
public sealed class FundBooks(AppDbContext db, TimeProvider clock)
{
    /// <summary>Opens the county's fund at zero if it has none yet (idempotent; a race is settled by the primary key).</summary>
    public async Task OpenAsync(long countyId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO fund_accounts ("CountyId", "DonationsFen", "PaymentsFen", "BalanceFen", "UpdatedAt") VALUES ({countyId}, 0, 0, 0, {now})
            ON CONFLICT ("CountyId") DO NOTHING
            """, ct);
    }

    /// <summary>Money in (<paramref name="fen"/> &gt; 0) or a donation reversed (&lt; 0): the balance after, or null when it would go below zero.</summary>
    public async Task<long?> DonateAsync(long countyId, long fen, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var after = await db.Database.SqlQuery<long>(
            $"""
            UPDATE fund_accounts SET "DonationsFen" = "DonationsFen" + {fen}, "BalanceFen" = "BalanceFen" + {fen}, "UpdatedAt" = {now}
            WHERE "CountyId" = {countyId} AND "BalanceFen" + {fen} >= 0
            RETURNING "BalanceFen" AS "Value"
            """).ToListAsync(ct);
        return Audited(countyId, after);
    }

    /// <summary>Money out (<paramref name="fen"/> &gt; 0) or a payment reversed (&lt; 0): the balance after, or null when it would go below zero.</summary>
    public async Task<long?> PayAsync(long countyId, long fen, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var after = await db.Database.SqlQuery<long>(
            $"""
            UPDATE fund_accounts SET "PaymentsFen" = "PaymentsFen" + {fen}, "BalanceFen" = "BalanceFen" - {fen}, "UpdatedAt" = {now}
            WHERE "CountyId" = {countyId} AND "BalanceFen" - {fen} >= 0
            RETURNING "BalanceFen" AS "Value"
            """).ToListAsync(ct);
        return Audited(countyId, after);
    }

    /// <summary>A project's paid total moved by <paramref name="fen"/>, only while approved and within its budget: the paid total after, or null.</summary>
    public async Task<long?> SpendBudgetAsync(FundProject project, long fen, CancellationToken ct)
    {
        var after = await db.Database.SqlQuery<long>(
            $"""
            UPDATE fund_projects SET "PaidFen" = "PaidFen" + {fen}
            WHERE "Id" = {project.Id} AND "CountyId" = {project.CountyId} AND "Status" = {nameof(ProjectStatus.Approved)}
              AND "PaidFen" + {fen} <= "ApprovedFen" AND "PaidFen" + {fen} >= 0
            RETURNING "PaidFen" AS "Value"
            """).ToListAsync(ct);
        if (after is not [var paid])
        {
            return null;
        }

        db.AuditDirectWrite(AuditAction.Updated, nameof(FundProject), project.Id, project.OrgUnitId, new Dictionary<string, object?> { ["PaidFen"] = paid });
        return paid;
    }

    public Task<FundAccount?> BalanceAsync(long countyId, CancellationToken ct) =>
        db.Set<FundAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.CountyId == countyId, ct);

    private long? Audited(long countyId, List<long> after)
    {
        if (after is not [var balance])
        {
            return null;
        }

        // Saved with the entry, in its batch; the fund is the county's, so the county is the unit.
        db.AuditDirectWrite(AuditAction.Updated, nameof(FundAccount), countyId, countyId, new Dictionary<string, object?> { ["BalanceFen"] = balance });
        return balance;
    }
}
