using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Domain;

public enum RegistrationStatus
{
    Pending,
    Confirmed,
    Rejected,
}

/// <summary>
/// A resident's self-registration from the portal (RULES.md Accounts), waiting for the station of the chosen village.
/// It is not an account: the account (and, unless the ID number is already registered, the person) is created when
/// the station confirms, so nothing unconfirmed can sign in, order or earn points (ADR 0053).
/// </summary>
public sealed class Registration : IOrgScoped, ICountyScoped
{
    public const int MaxReasonLength = 200;

    private Registration()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The village the registrant chose; its station confirms.</summary>
    public long OrgUnitId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The ID number, encrypted like the person's (the clear number is needed once, to register the person).</summary>
    [Sensitive]
    public string IdNumberEncrypted { get; private set; } = "";

    public string IdNumberMasked { get; private set; } = "";

    [Sensitive]
    public string Phone { get; private set; } = "";

    /// <summary>The chosen password, hashed at once; it becomes the account's hash on confirmation.</summary>
    [Sensitive]
    public string PasswordHash { get; private set; } = "";

    /// <summary>The person already registered in the county with this ID number when the registration came in (已有此人).</summary>
    public long? ExistingPersonId { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? IpAddress { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecidedByName { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The account created on confirmation.</summary>
    public long? UserId { get; private set; }

    /// <summary>The person the account is linked to on confirmation (new or existing).</summary>
    public long? PersonId { get; private set; }

    public static Registration Submit(long countyId, long villageId, string name, string idNumberEncrypted, string idNumberMasked, string phone, string passwordHash, long? existingPersonId, string? ipAddress, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = villageId,
        Name = name,
        IdNumberEncrypted = idNumberEncrypted,
        IdNumberMasked = idNumberMasked,
        Phone = phone,
        PasswordHash = passwordHash,
        ExistingPersonId = existingPersonId,
        Status = RegistrationStatus.Pending,
        IpAddress = ipAddress,
        CreatedAt = now,
    };

    public Error? Confirm(long userId, long personId, string by, DateTime now)
    {
        if (Status != RegistrationStatus.Pending)
        {
            return Error.Conflict("account.registration_not_pending");
        }

        Status = RegistrationStatus.Confirmed;
        UserId = userId;
        PersonId = personId;
        DecidedByName = by;
        DecidedAt = now;
        // The hash now lives on the account; the registration need not keep a second copy.
        PasswordHash = "";
        return null;
    }

    public Error? Reject(string reason, string by, DateTime now)
    {
        if (Status != RegistrationStatus.Pending)
        {
            return Error.Conflict("account.registration_not_pending");
        }

        Status = RegistrationStatus.Rejected;
        Reason = reason;
        DecidedByName = by;
        DecidedAt = now;
        PasswordHash = "";
        return null;
    }
}

public enum PasswordResetStatus
{
    Open,
    Done,
}

/// <summary>
/// A forgotten password (RULES.md Accounts): the station of the account's unit sees it and resets the password;
/// where a text-message gateway is configured, a six-digit code also goes to the account's phone, valid for a
/// few minutes, for a limited number of attempts, once.
/// </summary>
public sealed class PasswordResetRequest : IOrgScoped, ICountyScoped
{
    public const int MaxAttempts = 5;

    private PasswordResetRequest()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The unit of the account, whose station sees the request.</summary>
    public long OrgUnitId { get; private set; }

    public long UserId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public PasswordResetStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? IpAddress { get; private set; }

    /// <summary>The hash of the code sent by text message; null when none was sent, or once it is spent.</summary>
    [Sensitive]
    public string? CodeHash { get; private set; }

    public DateTime? CodeExpiresAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTime? DoneAt { get; private set; }

    public string? DoneByName { get; private set; }

    public static PasswordResetRequest Ask(long countyId, long orgUnitId, long userId, string displayName, string? ipAddress, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        UserId = userId,
        DisplayName = displayName,
        Status = PasswordResetStatus.Open,
        IpAddress = ipAddress,
        CreatedAt = now,
    };

    public void CodeSent(string codeHash, DateTime expiresAt)
    {
        CodeHash = codeHash;
        CodeExpiresAt = expiresAt;
        FailedAttempts = 0;
    }

    /// <summary>Whether the code may still be tried at <paramref name="now"/>.</summary>
    public bool CodeUsable(DateTime now) => Status == PasswordResetStatus.Open && CodeHash is not null && CodeExpiresAt > now && FailedAttempts < MaxAttempts;

    public void WrongCode()
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxAttempts)
        {
            CodeHash = null;
        }
    }

    public void Done(string by, DateTime now)
    {
        Status = PasswordResetStatus.Done;
        CodeHash = null;
        DoneByName = by;
        DoneAt = now;
    }
}
