using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Domain;

/// <summary>Why stock moved. Stored as its name; pages show a Chinese label.</summary>
public enum StockSource
{
    /// <summary>The stock entered with new goods.</summary>
    Initial = 1,

    /// <summary>Donated goods came in; the donor is recorded.</summary>
    Donation = 2,

    /// <summary>Goods bought in.</summary>
    Purchase = 3,

    /// <summary>A redemption took goods off the shelf.</summary>
    Redemption = 4,

    /// <summary>A cancelled redemption put them back.</summary>
    Cancellation = 5,

    /// <summary>A correction after counting: loss, damage, found again (may be negative, never below zero).</summary>
    Adjustment = 6,
}

/// <summary>
/// One line of the inventory ledger (mkt_stock_movements). Append-only: the signed quantity, the stock
/// after it, who and when. Scoped to the goods' unit.
/// </summary>
public sealed class StockMovement : IOrgScoped, ICountyScoped
{
    public const int MaxNoteLength = 200;

    private StockMovement()
    {
    }

    public long Id { get; private set; }

    public long GoodsId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long CountyId { get; private set; }

    public StockSource Source { get; private set; }

    /// <summary>Positive in, negative out; never zero.</summary>
    public int Quantity { get; private set; }

    public int StockAfter { get; private set; }

    public string? Donor { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The redemption behind a Redemption or Cancellation movement.</summary>
    public long? RedemptionId { get; private set; }

    public long? ByUserId { get; private set; }

    public string? ByName { get; private set; }

    public DateTime At { get; private set; }

    public static StockMovement Record(
        Goods goods, StockSource source, int quantity, int stockAfter, string? donor, string? note, long? redemptionId, long? byUserId, string? byName, DateTime nowUtc) => new()
        {
            GoodsId = goods.Id,
            OrgUnitId = goods.OrgUnitId,
            CountyId = goods.CountyId,
            Source = source,
            Quantity = quantity,
            StockAfter = stockAfter,
            Donor = Goods.Clean(donor),
            Note = Goods.Clean(note),
            RedemptionId = redemptionId,
            ByUserId = byUserId,
            ByName = byName,
            At = nowUtc,
        };
}
