using System.Security.Cryptography;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Domain;

/// <summary>
/// One issued volunteer service certificate (志愿服务证明, RULES.md). The row keeps what the public
/// verification page may show — a snapshot at issue, so the page confirms what the paper says even
/// after later service changes the totals — and nothing more personal than a masked name. Scoped to
/// the volunteer's unit, so admins of that subtree see who was issued what.
/// </summary>
public sealed class Certificate : IOrgScoped, ICountyScoped
{
    private Certificate()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long VolunteerId { get; private set; }

    /// <summary>County code (6) + year (4) + per-county, per-year sequence (6): unique.</summary>
    public string CertificateNumber { get; private set; } = "";

    /// <summary>Random, unguessable, in the QR code's URL; the only way to the public page.</summary>
    public string VerificationCode { get; private set; } = "";

    /// <summary>张*明: the only form of the name the public page shows.</summary>
    [Sensitive]
    public string HolderNameMasked { get; private set; } = "";

    public string VolunteerNumber { get; private set; } = "";

    /// <summary>Confirmed minutes at issue, reversals netted (the volunteer's total then).</summary>
    public long TotalMinutes { get; private set; }

    /// <summary>How many service items the certificate lists, and the newest record counted: with the total, they tell whether anything changed since.</summary>
    public int ItemCount { get; private set; }

    public long LastRecordId { get; private set; }

    public string IssuerName { get; private set; } = "";

    public DateTime IssuedAt { get; private set; }

    public long? IssuedByUserId { get; private set; }

    /// <summary>经办人 as printed: the admin who issued it, or the self-service note.</summary>
    public string HandlerName { get; private set; } = "";

    public static Certificate Issue(
        long countyId, long orgUnitId, long volunteerId, string certificateNumber, string holderName, string volunteerNumber,
        CertificateSnapshot snapshot, string issuerName, long? byUserId, string handlerName, DateTime nowUtc) => new()
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            VolunteerId = volunteerId,
            CertificateNumber = certificateNumber,
            // 16 random bytes (128 bits) as 32 hex characters: not guessable, not derived from any id.
            VerificationCode = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            HolderNameMasked = MaskName(holderName),
            VolunteerNumber = volunteerNumber,
            TotalMinutes = snapshot.TotalMinutes,
            ItemCount = snapshot.ItemCount,
            LastRecordId = snapshot.LastRecordId,
            IssuerName = issuerName,
            IssuedAt = nowUtc,
            IssuedByUserId = byUserId,
            HandlerName = handlerName,
        };

    /// <summary>The holder was anonymized (ADR 0023): the public page shows the placeholder instead of the masked name.</summary>
    public void EraseHolder(string placeholder) => HolderNameMasked = placeholder;

    /// <summary>True when this certificate already says exactly what a new one would (same holder and service).</summary>
    public bool Matches(CertificateSnapshot snapshot, string holderName) =>
        snapshot.TotalMinutes == TotalMinutes && snapshot.ItemCount == ItemCount && snapshot.LastRecordId == LastRecordId
        && MaskName(holderName) == HolderNameMasked;

    /// <summary>张三 → 张*, 张三明 → 张*明, 欧阳小明 → 欧**明: the first and last character stay.</summary>
    public static string MaskName(string name)
    {
        var chars = System.Globalization.StringInfo.ParseCombiningCharacters(name.Trim());
        var text = name.Trim();
        if (chars.Length <= 1)
        {
            return text;
        }

        var first = text[..chars[1]];
        if (chars.Length == 2)
        {
            return first + "*";
        }

        var last = text[chars[^1]..];
        return first + new string('*', chars.Length - 2) + last;
    }
}

/// <summary>What a certificate certifies, to compare a new issue with the last one.</summary>
public sealed record CertificateSnapshot(long TotalMinutes, int ItemCount, long LastRecordId);

/// <summary>The last certificate sequence of a county in a year (same conditional-UPDATE scheme as volunteer numbers).</summary>
[NotAudited]
public sealed class CertificateNumberCounter
{
    public long CountyId { get; set; }

    public int Year { get; set; }

    public long LastSequence { get; set; }
}
