using Wenming.Web.Platform.Audit;

namespace Wenming.Web.Modules.Accounts.Domain;

/// <summary>
/// One refresh token of the API (ADR 0019), kept only as a hash. A sign-in starts a family; each refresh
/// uses up its token and issues the next one in the same family (<see cref="ParentId"/> is the one it
/// replaced). A used token presented again means it was copied: the whole family is revoked. Not audited:
/// session bookkeeping, not business data (the sign-in and any revocation are logged).
/// </summary>
[NotAudited]
public sealed class RefreshToken
{
    public const int HashLength = 64;
    public const int StampLength = 100;

    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>Shared by every token descending from one sign-in.</summary>
    public Guid FamilyId { get; set; }

    /// <summary>The token this one replaced; null for the token of the sign-in itself.</summary>
    public long? ParentId { get; set; }

    /// <summary>SHA-256 of the token, hex; the token itself is never stored.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The account's security stamp when issued: a password reset, role change or deactivation rotates it and ends the family.</summary>
    [Sensitive]
    public string SecurityStamp { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Set once, by the one refresh that used it (a conditional UPDATE … WHERE UsedAt IS NULL).</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>Set on every token of the family when reuse is detected or the account no longer matches.</summary>
    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// Wrong passwords for one account (or one unknown login) from one client address (ADR 0019): after
/// enough of them, that address waits before it may try that account again; other addresses do not.
/// Not audited: security bookkeeping that the cleanup job deletes.
/// </summary>
[NotAudited]
public sealed class SignInThrottleEntry
{
    public const int KeyLength = 80;
    public const int AddressLength = 64;

    /// <summary><c>u:{account id}</c> for an account, <c>l:{SHA-256 of the login}</c> for a login that names none.</summary>
    public string AccountKey { get; set; } = "";

    /// <summary>The client address (an IPv6 address by its /64 network).</summary>
    public string Address { get; set; } = "";

    /// <summary>Attempts counted as failed since the last success (an attempt counts until its password proves right).</summary>
    public int Failures { get; set; }

    public DateTime LastFailureAt { get; set; }

    /// <summary>Until when this address may not try this account again.</summary>
    public DateTime? WaitUntil { get; set; }
}
