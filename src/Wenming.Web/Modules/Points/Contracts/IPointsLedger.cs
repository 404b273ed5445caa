namespace Wenming.Web.Modules.Points.Contracts;

/// <summary>Why points moved. Stored as its name; the API shows the name, pages a Chinese label.</summary>
public enum PointKind
{
    /// <summary>Confirmed service hours (per hour, RULES.md).</summary>
    ServiceHours = 1,

    /// <summary>An activity attended.</summary>
    ActivityAttended = 2,

    /// <summary>A completed order, to each serving volunteer.</summary>
    OrderCompleted = 3,

    /// <summary>The organizer's share of an activity's points.</summary>
    OrganizerBonus = 4,

    /// <summary>A hand award (好人好事 …) after approval and public notice.</summary>
    Award = 5,

    /// <summary>A hand deduction (移风易俗 violation …) after approval and public notice.</summary>
    Deduction = 6,

    /// <summary>Goods redeemed in the charity supermarket.</summary>
    Redemption = 7,

    /// <summary>A cancelled redemption paid back.</summary>
    RedemptionRefund = 8,

    /// <summary>A correction: the opposite of an earlier transaction.</summary>
    Reversal = 9,
}

/// <summary>What a negative amount may do to the balance, which never goes below zero.</summary>
public enum DebitRule
{
    /// <summary>Refuse when the balance is short (a redemption pays in full or not at all).</summary>
    Strict = 1,

    /// <summary>Take what is there, down to zero (a deduction or reversal must not be refused).</summary>
    UpToBalance = 2,
}

/// <param name="PersonId">Whose account; it is opened on first use.</param>
/// <param name="Amount">Positive credits, negative debits; never zero.</param>
/// <param name="SourceKey">
/// The idempotency key of the posting, unique per account: the same source never pays twice
/// (e.g. <c>service-record:42</c>, <c>award:7</c>, <c>redemption:9</c>). At most 100 characters.
/// </param>
/// <param name="Reason">Shown to the person in their statement (at most 200 characters).</param>
public sealed record PointPosting(
    long PersonId,
    long Amount,
    PointKind Kind,
    string SourceKey,
    string Reason,
    DebitRule Debit = DebitRule.Strict,
    long? ReversesTransactionId = null);

public enum PostingOutcome
{
    /// <summary>Written now.</summary>
    Posted = 1,

    /// <summary>The source key was posted before: nothing written, the earlier transaction returned.</summary>
    AlreadyPosted = 2,

    /// <summary>A strict debit larger than the balance: nothing written.</summary>
    Insufficient = 3,

    /// <summary>No such person: nothing written.</summary>
    PersonNotFound = 4,
}

/// <param name="Applied">The amount actually moved (a capped debit may move less than asked, even 0).</param>
public sealed record PostingResult(PostingOutcome Outcome, long? TransactionId, long Applied, long BalanceAfter)
{
    public bool Succeeded => Outcome is PostingOutcome.Posted or PostingOutcome.AlreadyPosted;
}

/// <summary>A person's account as other modules may see it.</summary>
public sealed record PointBalance(long PersonId, long Balance, long Earned, int CreditStars);

/// <summary>
/// The points ledger (DESIGN §6): append-only, one row per movement, each with the balance after it.
/// The only way any module moves points.
/// </summary>
public interface IPointsLedger
{
    /// <summary>
    /// Posts one movement. Safe under any concurrency: the account row is locked first, so postings of one
    /// person are serialized, the balance never goes below zero and a source key pays at most once.
    /// Runs inside the caller's open transaction when there is one (the market debits points and takes
    /// stock in one transaction: the caller commits or rolls back both); otherwise in its own.
    /// Saves the context's pending changes along with the posting. Ignores the caller's org scope: the
    /// caller has authorized the source.
    /// </summary>
    Task<PostingResult> PostAsync(PointPosting posting, CancellationToken ct);

    /// <summary>
    /// A strict debit (a spending) inside the caller's open transaction, for a source that is new by
    /// construction (the id of a row the caller has just inserted in that transaction) and a person the
    /// caller has just read (their unit moves the account along, as every posting does). One conditional
    /// UPDATE locks the account, checks the balance and takes the points, so the balance never goes below
    /// zero; there is no look-up of an earlier posting (the unique (PersonId, SourceKey) index is the
    /// backstop) and no second read of the person. Insufficient when the balance is short or the person has
    /// no account yet. Saves the context's pending changes along with the posting.
    /// </summary>
    Task<PostingResult> SpendAsync(PointPosting posting, long personOrgUnitId, long personCountyId, CancellationToken ct);

    /// <summary>The account of a person whatever the caller's scope (zeros when none is opened yet).</summary>
    Task<PointBalance> BalanceUnscopedAsync(long personId, CancellationToken ct);
}
