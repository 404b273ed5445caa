using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Ledger;

/// <summary>
/// The one writer of the ledger. Each posting, in one transaction: open the account if needed (an
/// INSERT … ON CONFLICT DO NOTHING, so two first postings cannot both open it), lock the account row with
/// an UPDATE that bumps its version (PostgreSQL holds the row lock to commit; SQLite holds its single write
/// lock), and only then read the balance, look for the source key, decide, and write the new totals and
/// the transaction row. Postings of one person are thereby serialized, so the checks see every earlier
/// posting; the unique (PersonId, SourceKey) index is the backstop.
/// </summary>
public sealed class PointsLedger(
    AppDbContext db, OrgScope scope, CurrentActor actor, IPeopleDirectory people, PointRulesReader rules, RollupMarks marks, TimeProvider clock)
    : IPointsLedger
{
    public async Task<PostingResult> PostAsync(PointPosting posting, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(posting.Amount);
        ArgumentException.ThrowIfNullOrWhiteSpace(posting.SourceKey);
        using var unrestricted = scope.Unscoped(because: Why.CrossUnitReference);
        var person = await people.FindAsync(posting.PersonId, ct);
        if (person is null)
        {
            return new PostingResult(PostingOutcome.PersonNotFound, null, 0, 0);
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await PostLockedAsync(person, posting, ct);
            if (ownTransaction is not null)
            {
                if (result.Outcome == PostingOutcome.Posted)
                {
                    await ownTransaction.CommitAsync(ct);
                }
                else
                {
                    await ownTransaction.RollbackAsync(ct);
                }
            }

            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task<PostingResult> PostLockedAsync(PersonInfo person, PointPosting posting, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO pts_accounts ("PersonId", "OrgUnitId", "CountyId", "Balance", "Earned", "Version", "UpdatedAt")
            VALUES ({person.Id}, {person.OrgUnitId}, {person.CountyId}, 0, 0, 0, {now})
            ON CONFLICT ("PersonId") DO NOTHING
            """, ct);
        var accounts = db.Set<PointAccount>().Unscoped(because: Why.CrossUnitReference).Where(a => a.PersonId == person.Id);
        // The lock; it also moves the account along when the person has moved to another village, so the
        // new village's cadres and ranking see it (earlier rows keep the unit they were booked in).
        await accounts.ExecuteUpdateAsync(
            s => s.SetProperty(a => a.Version, a => a.Version + 1).SetProperty(a => a.OrgUnitId, person.OrgUnitId).SetProperty(a => a.CountyId, person.CountyId), ct);
        var account = await accounts.AsNoTracking()
            .Select(a => new PointAccountRow(a.Id, a.PersonId, a.OrgUnitId, a.CountyId, a.Balance, a.Earned))
            .SingleAsync(ct);

        var earlier = await db.Set<PointTransaction>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(t => t.PersonId == person.Id && t.SourceKey == posting.SourceKey)
            .Select(t => new { t.Id, t.Amount })
            .SingleOrDefaultAsync(ct);
        if (earlier is not null)
        {
            return new PostingResult(PostingOutcome.AlreadyPosted, earlier.Id, earlier.Amount, account.Balance);
        }

        // A row is reversed at most once, whoever asks (a cadre's 冲正, a reversed service record's event):
        // the earlier reversal answers, under whatever source key it was posted.
        if (posting.ReversesTransactionId is { } reversed)
        {
            var reversal = await db.Set<PointTransaction>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
                .Where(t => t.ReversesTransactionId == reversed)
                .Select(t => new { t.Id, t.Amount })
                .SingleOrDefaultAsync(ct);
            if (reversal is not null)
            {
                return new PostingResult(PostingOutcome.AlreadyPosted, reversal.Id, reversal.Amount, account.Balance);
            }
        }

        var amount = posting.Amount;
        if (amount < 0 && -amount > account.Balance)
        {
            if (posting.Debit == DebitRule.Strict)
            {
                return new PostingResult(PostingOutcome.Insufficient, null, 0, account.Balance);
            }

            amount = -account.Balance;
        }

        var balance = account.Balance + amount;
        var earned = account.Earned + (PointAccount.CountsAsEarned(posting.Kind) ? amount : 0);
        await accounts.ExecuteUpdateAsync(
            s => s.SetProperty(a => a.Balance, balance).SetProperty(a => a.Earned, earned).SetProperty(a => a.UpdatedAt, now), ct);
        // The set-based UPDATE bypasses change tracking, so the account's change is logged by hand.
        db.AuditDirectWrite(AuditAction.Updated, nameof(PointAccount), account.Id, account.OrgUnitId, new Dictionary<string, object?>
        {
            ["Balance"] = new { old = account.Balance, @new = balance },
            ["Earned"] = new { old = account.Earned, @new = earned },
        });
        var transaction = PointTransaction.Create(account, amount, posting, balance, earned, actor.UserId, actor.Login, now);
        db.Add(transaction);
        await db.SaveChangesAsync(ct);
        return new PostingResult(PostingOutcome.Posted, transaction.Id, amount, balance);
    }

    public async Task<PostingResult> SpendAsync(PointPosting posting, long personOrgUnitId, long personCountyId, CancellationToken ct)
    {
        if (posting.Amount >= 0 || posting.Debit != DebitRule.Strict || posting.ReversesTransactionId is not null)
        {
            throw new ArgumentException("SpendAsync takes a strict debit that reverses nothing.", nameof(posting));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(posting.SourceKey);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("SpendAsync joins the caller's transaction, which commits or rolls back the spending.");
        }

        using var unrestricted = scope.Unscoped(because: Why.CrossUnitReference);
        var now = clock.GetUtcNow().UtcDateTime;
        var price = -posting.Amount;
        var earnedDelta = PointAccount.CountsAsEarned(posting.Kind) ? posting.Amount : 0;
        // The lock, the check and the write in one statement: the row lock (PostgreSQL) or the write lock
        // (SQLite) is taken before the condition is evaluated on the newest balance, so two spendings of one
        // person are serialized and the second sees the first's balance. The county (a person's never changes) is
        // in the WHERE so that a distributed database routes it to one shard (ADR 0036).
        if (db.Database.IsNpgsql())
        {
            return await SpendInOneStatementAsync(posting, personOrgUnitId, personCountyId, price, earnedDelta, now, ct);
        }

        var spent = await db.Database.ReadAsync(
            $"""
            UPDATE pts_accounts
            SET "Balance" = "Balance" - {price}, "Earned" = "Earned" + {earnedDelta}, "Version" = "Version" + 1,
                "OrgUnitId" = {personOrgUnitId}, "UpdatedAt" = {now}
            WHERE "PersonId" = {posting.PersonId} AND "CountyId" = {personCountyId} AND "Balance" >= {price}
            RETURNING "Id", "Balance", "Earned"
            """, r => new SpentAccount(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), ct);
        if (spent is not [var after])
        {
            var balance = await db.Set<PointAccount>().Unscoped(because: Why.CrossUnitReference)
                .Where(a => a.PersonId == posting.PersonId).Select(a => (long?)a.Balance).SingleOrDefaultAsync(ct);
            return new PostingResult(PostingOutcome.Insufficient, null, 0, balance ?? 0);
        }

        // The set-based UPDATE bypasses change tracking, so the account's change is logged by hand.
        var account = new PointAccountRow(after.Id, posting.PersonId, personOrgUnitId, personCountyId, after.Balance + price, after.Earned - earnedDelta);
        db.AuditDirectWrite(AuditAction.Updated, nameof(PointAccount), account.Id, account.OrgUnitId, new Dictionary<string, object?>
        {
            ["Balance"] = new { old = account.Balance, @new = after.Balance },
            ["Earned"] = new { old = account.Earned, @new = after.Earned },
        });
        var transaction = PointTransaction.Create(account, posting.Amount, posting, after.Balance, after.Earned, actor.UserId, actor.Login, now);
        db.Add(transaction);
        await db.SaveChangesAsync(ct);
        return new PostingResult(PostingOutcome.Posted, transaction.Id, posting.Amount, after.Balance);
    }

    /// <summary>
    /// PostgreSQL (ADR 0072): the spending of <see cref="SpendAsync"/> in one round trip instead of three. One statement
    /// takes the points (the same conditional UPDATE: the row lock, then the condition on the newest balance), inserts
    /// the posting with the totals it returned, the two audit rows the change tracker would write (the account's
    /// balance, the posting created) and the posting's roll-up mark. A short balance updates no row, so nothing else is
    /// written either (every insert selects from the UPDATE's rows), and the statement reads the balance instead.
    /// </summary>
    private async Task<PostingResult> SpendInOneStatementAsync(
        PointPosting posting, long personOrgUnitId, long personCountyId, long price, long earnedDelta, DateTime now, CancellationToken ct)
    {
        // The rows as the change tracker would write them, with what only the UPDATE knows (the account's id and
        // totals) left as placeholders that the statement replaces: distinct numbers of one length, none a prefix of another.
        const long AccountId = -9_000_000_000_000_000_001, BalanceAfter = -9_000_000_000_000_000_002, EarnedAfter = -9_000_000_000_000_000_003,
            BalanceBefore = -9_000_000_000_000_000_004, EarnedBefore = -9_000_000_000_000_000_005;
        static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);
        var row = new PointAccountRow(AccountId, posting.PersonId, personOrgUnitId, personCountyId, BalanceBefore, EarnedBefore);
        var transaction = PointTransaction.Create(row, posting.Amount, posting, BalanceAfter, EarnedAfter, actor.UserId, actor.Login, now);
        var accountAudit = db.AuditRow(AuditAction.Updated, nameof(PointAccount), "", personOrgUnitId, new Dictionary<string, object?>
        {
            ["Balance"] = new { old = BalanceBefore, @new = BalanceAfter },
            ["Earned"] = new { old = EarnedBefore, @new = EarnedAfter },
        });
        var created = db.AuditRow(AuditAction.Created, nameof(PointTransaction), "", personOrgUnitId, db.AuditChangesOfNew(transaction));
        var (units, days, sources) = marks.MarksOfNew(transaction);
        var kind = transaction.Kind.ToString();
        var updatedAction = nameof(AuditAction.Updated);
        var createdAction = nameof(AuditAction.Created);
        var spent = await db.Database.ReadAsync(
            $"""
            WITH u AS (
                UPDATE pts_accounts
                SET "Balance" = "Balance" - {price}, "Earned" = "Earned" + {earnedDelta}, "Version" = "Version" + 1,
                    "OrgUnitId" = {personOrgUnitId}, "UpdatedAt" = {now}
                WHERE "PersonId" = {posting.PersonId} AND "CountyId" = {personCountyId} AND "Balance" >= {price}
                RETURNING "Id", "Balance", "Earned"),
            t AS (
                INSERT INTO pts_transactions ("AccountId", "PersonId", "OrgUnitId", "CountyId", "Amount", "Kind", "SourceKey", "Reason",
                    "BalanceAfter", "EarnedAfter", "ReversesTransactionId", "ByUserId", "ByName", "At")
                SELECT u."Id", {transaction.PersonId}::bigint, {transaction.OrgUnitId}::bigint, {transaction.CountyId}::bigint, {transaction.Amount}::bigint,
                    {kind}::text, {transaction.SourceKey}::text, {transaction.Reason}::text, u."Balance", u."Earned", NULL::bigint,
                    {transaction.ByUserId}::bigint, {transaction.ByName}::text, {transaction.At}::timestamptz
                FROM u
                RETURNING "Id"),
            a AS (
                INSERT INTO plat_audit_entries ("At", "UserId", "Login", "IpAddress", "Action", "EntityType", "EntityId", "OrgUnitId", "Changes")
                SELECT {accountAudit.At}::timestamptz, {accountAudit.UserId}::bigint, {accountAudit.Login}::text, {accountAudit.IpAddress}::text,
                    {updatedAction}::text, {accountAudit.EntityType}::text, u."Id"::text, {accountAudit.OrgUnitId}::bigint,
                    replace(replace(replace(replace({accountAudit.Changes}::text,
                        {Digits(BalanceBefore)}::text, (u."Balance" + {price})::text), {Digits(BalanceAfter)}::text, u."Balance"::text),
                        {Digits(EarnedBefore)}::text, (u."Earned" - {earnedDelta})::text), {Digits(EarnedAfter)}::text, u."Earned"::text)
                FROM u
                UNION ALL
                SELECT {created.At}::timestamptz, {created.UserId}::bigint, {created.Login}::text, {created.IpAddress}::text,
                    {createdAction}::text, {created.EntityType}::text, t."Id"::text, {created.OrgUnitId}::bigint,
                    replace(replace(replace({created.Changes}::text,
                        {Digits(AccountId)}::text, u."Id"::text), {Digits(BalanceAfter)}::text, u."Balance"::text), {Digits(EarnedAfter)}::text, u."Earned"::text)
                FROM u, t),
            d AS (
                INSERT INTO stat_dirty ("OrgUnitId", "Day", "Source")
                SELECT x.unit, x.day, x.source FROM unnest({units}::bigint[], {days}::date[], {sources}::text[]) AS x(unit, day, source)
                WHERE EXISTS (SELECT 1 FROM t))
            SELECT u."Id", u."Balance", u."Earned", t."Id" AS "TransactionId" FROM u, t
            UNION ALL
            SELECT NULL, a."Balance", a."Earned", NULL FROM pts_accounts a
            WHERE a."PersonId" = {posting.PersonId} AND NOT EXISTS (SELECT 1 FROM u)
            """, r => new SpentInOneStatement(r.IsDBNull(0) ? null : r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetInt64(3)), ct);
        return spent switch
        {
            [{ TransactionId: { } id, Balance: var balance }] => new PostingResult(PostingOutcome.Posted, id, posting.Amount, balance),
            [var unchanged] => new PostingResult(PostingOutcome.Insufficient, null, 0, unchanged.Balance),
            _ => new PostingResult(PostingOutcome.Insufficient, null, 0, 0),
        };
    }

    public async Task<PointBalance> BalanceUnscopedAsync(long personId, CancellationToken ct)
    {
        var account = await db.Set<PointAccount>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(a => a.PersonId == personId)
            .Select(a => new { a.OrgUnitId, a.Balance, a.Earned })
            .SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return new PointBalance(personId, 0, 0, 0);
        }

        var applicable = await rules.ForUnitAsync(account.OrgUnitId, ct);
        return new PointBalance(personId, account.Balance, account.Earned, applicable.StarsFor(account.Earned));
    }
}

/// <summary>The account's columns as the spending's UPDATE returns them.</summary>
internal sealed record SpentAccount(long Id, long Balance, long Earned);

/// <summary>The account's totals after a spending in one statement, and the posting's id; no id when the balance was short.</summary>
internal sealed record SpentInOneStatement(long? Id, long Balance, long Earned, long? TransactionId);
