using System.Security.Cryptography;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Domain;

public enum RedemptionStatus
{
    /// <summary>Paid; waiting at the counter for the pickup code.</summary>
    Open = 1,

    /// <summary>Handed over at the counter (final).</summary>
    PickedUp = 2,

    /// <summary>Cancelled before pickup: points refunded, stock returned (final).</summary>
    Cancelled = 3,
}

/// <summary>
/// A redemption (mkt_redemptions): a person paid points for goods and collects them at the counter with
/// the pickup code. Scoped to the goods' unit (the counter's); the person reads their own whatever their
/// scope. Status moves only by conditional UPDATEs (<c>… WHERE "Status" = 'Open'</c>), so of two counters
/// or two cancels exactly one wins.
/// </summary>
public sealed class Redemption : IOrgScoped, ICountyScoped
{
    public const int MaxQuantity = 20;

    private Redemption()
    {
    }

    public long Id { get; private set; }

    public long GoodsId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long CountyId { get; private set; }

    public long PersonId { get; private set; }

    /// <summary>The goods' name at the time (names can be edited later).</summary>
    public string GoodsName { get; private set; } = "";

    public int Quantity { get; private set; }

    public long UnitPrice { get; private set; }

    public long Points { get; private set; }

    /// <summary>Six digits; unique among open redemptions (a partial unique index), so the counter finds one by it.</summary>
    public string PickupCode { get; private set; } = "";

    public RedemptionStatus Status { get; private set; }

    /// <summary>True when counter staff redeemed for the person.</summary>
    public bool AtCounter { get; private set; }

    public long? CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PickedUpAt { get; private set; }

    public long? PickedUpByUserId { get; private set; }

    public string? PickedUpByName { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public long? CancelledByUserId { get; private set; }

    public string? CancelledByName { get; private set; }

    public static Redemption Create(Goods goods, long personId, int quantity, long unitPrice, string goodsName, bool atCounter, long? byUserId, DateTime nowUtc) => new()
    {
        GoodsId = goods.Id,
        OrgUnitId = goods.OrgUnitId,
        CountyId = goods.CountyId,
        PersonId = personId,
        GoodsName = goodsName,
        Quantity = quantity,
        UnitPrice = unitPrice,
        Points = checked(unitPrice * quantity),
        PickupCode = NewCode(),
        Status = RedemptionStatus.Open,
        AtCounter = atCounter,
        CreatedByUserId = byUserId,
        CreatedAt = nowUtc,
    };

    /// <summary>A fresh code after a (rare) clash with another open redemption.</summary>
    public void Recode() => PickupCode = NewCode();

    /// <summary>Random, not sequential: a code seen on one phone says nothing about the next one.</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The code as the counter types it: the resident's phone shows it in two groups ("623 534"), so spaces
    /// and hyphens between the digits are not part of the code.
    /// </summary>
    public static string NormalizeCode(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c) && c != '-'));

    public static bool LooksLikeCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);
}
