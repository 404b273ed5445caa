using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary>
/// Credits approved awards whose public notice has ended (RULES.md: shown for the notice days, then
/// credited). Per award, in one transaction: the status moves Approved → Credited by
/// <c>UPDATE … WHERE "Version" = @seen</c> (the claim: of two nodes, or two rounds, exactly one gets a row),
/// then the ledger posts it under the source key <c>award:{id}</c> (the ledger's own backstop against paying
/// twice), a deduction taking at most the balance, and the award records what was applied. A revocation
/// racing with the claim loses or wins on the same version check, so a revoked award is never paid.
/// </summary>
/// <remarks>Runs on every node every <c>Jobs:CreditAwardsJob:IntervalSeconds</c> (ADR 0012).</remarks>
public sealed class CreditAwardsJob(AppDbContext db, IPointsLedger ledger, INotifier notifier, ILogger<CreditAwardsJob> log) : IJob
{
    public const int BatchSize = 200;

    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var due = await db.Set<PointAward>().AsNoTracking()
            .Where(a => a.Status == AwardStatus.Approved && a.NoticeEndsAt <= nowUtc)
            .OrderBy(a => a.NoticeEndsAt).Select(a => a.Id).Take(BatchSize).ToListAsync(ct);
        var credited = 0;
        foreach (var id in due)
        {
            if (await CreditAsync(id, nowUtc, ct))
            {
                credited++;
            }
        }

        return credited;
    }

    private async Task<bool> CreditAsync(long id, DateTime nowUtc, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Read before the transaction opens: on SQLite a read inside it would pin a snapshot that a
        // concurrent writer makes stale (SQLITE_BUSY_SNAPSHOT) instead of letting the version check decide.
        var award = await db.Set<PointAward>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (award is null || !award.MarkCredited(nowUtc))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node credited it, or an objection revoked it, a moment ago.
            return false;
        }

        var reason = Text.Get("Award.ledger_reason", AwardLabels.Category(award.Category), award.Reason);
        var posted = await ledger.PostAsync(
            new PointPosting(award.PersonId, award.Points, award.Kind, award.SourceKey, reason.Length > 200 ? reason[..199] + "…" : reason, DebitRule.UpToBalance), ct);
        if (!posted.Succeeded)
        {
            // The person is gone: leave the award approved (rolled back) and say so; nothing was paid.
            await transaction.RollbackAsync(ct);
            log.LogWarning("Award {AwardId} could not be posted: {Outcome}", id, posted.Outcome);
            return false;
        }

        award.RecordPosting(posted.Applied, posted.TransactionId);
        await notifier.ToPersonAsync(award.PersonId, CreditedNotice(award, posted.BalanceAfter), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static Notice CreditedNotice(PointAward award, long balance)
    {
        var key = !award.IsDeduction ? "Award.notice.credited"
            : award.AppliedPoints == award.Points ? "Award.notice.deducted"
            : "Award.notice.deducted_capped";
        return new Notice(
            Text.Get(key + ".title"),
            Text.Get(key + ".body", AwardLabels.Category(award.Category), Math.Abs(award.Points), Math.Abs(award.AppliedPoints ?? 0), balance),
            "/awards/notices");
    }
}
