using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Domain;

/// <summary>
/// A person's point account (pts_accounts): the running balance and earned total that the ledger's
/// rows add up to, and the row every posting locks first. Scoped to the person's unit.
/// </summary>
public sealed class PointAccount : IOrgScoped, ICountyScoped
{
    private PointAccount()
    {
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>What may be spent; never below zero (a CHECK constraint says so too).</summary>
    public long Balance { get; private set; }

    /// <summary>Cumulative earned points: every movement except redemptions and their refunds. Credit stars come from it.</summary>
    public long Earned { get; private set; }

    /// <summary>Bumped by every posting; the UPDATE that bumps it is the lock.</summary>
    public long Version { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Spending and its refunds move the balance only: stars measure what a person did, not what they bought.</summary>
    public static bool CountsAsEarned(PointKind kind) => kind is not (PointKind.Redemption or PointKind.RedemptionRefund);
}

/// <summary>
/// One movement of points (pts_transactions). Append-only: never updated or deleted; a correction is a
/// <see cref="PointKind.Reversal"/> row pointing at the row it cancels. (PersonId, SourceKey) is unique,
/// so a source pays once even when its event is delivered twice.
/// </summary>
public sealed class PointTransaction : IOrgScoped, ICountyScoped
{
    private PointTransaction()
    {
    }

    public long Id { get; private set; }

    public long AccountId { get; private set; }

    public long PersonId { get; private set; }

    /// <summary>The person's unit at the time (the account's), for scope.</summary>
    public long OrgUnitId { get; private set; }

    public long CountyId { get; private set; }

    public long Amount { get; private set; }

    public PointKind Kind { get; private set; }

    public string SourceKey { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public long BalanceAfter { get; private set; }

    public long EarnedAfter { get; private set; }

    public long? ReversesTransactionId { get; private set; }

    public long? ByUserId { get; private set; }

    public string? ByName { get; private set; }

    public DateTime At { get; private set; }

    internal static PointTransaction Create(
        PointAccountRow account, long amount, PointPosting posting, long balanceAfter, long earnedAfter, long? byUserId, string? byName, DateTime nowUtc) => new()
        {
            AccountId = account.Id,
            PersonId = account.PersonId,
            OrgUnitId = account.OrgUnitId,
            CountyId = account.CountyId,
            Amount = amount,
            Kind = posting.Kind,
            SourceKey = posting.SourceKey,
            Reason = posting.Reason,
            BalanceAfter = balanceAfter,
            EarnedAfter = earnedAfter,
            ReversesTransactionId = posting.ReversesTransactionId,
            ByUserId = byUserId,
            ByName = byName,
            At = nowUtc,
        };
}

/// <summary>The account's columns as read inside the posting's lock.</summary>
internal sealed record PointAccountRow(long Id, long PersonId, long OrgUnitId, long CountyId, long Balance, long Earned);
