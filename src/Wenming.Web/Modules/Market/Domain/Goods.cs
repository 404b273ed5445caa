using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Domain;

/// <summary>
/// One kind of goods on a station's shelf in the charity supermarket (公益超市): a points price and the
/// current stock. <see cref="Stock"/> is only ever changed by one conditional UPDATE together with a
/// <see cref="StockMovement"/> row in the same transaction, so it always equals the sum of the movements
/// (and a CHECK keeps it at zero or above).
/// </summary>
public sealed class Goods : IOrgScoped, ICountyScoped
{
    public const int MaxNameLength = 50;
    public const int MaxDescriptionLength = 500;
    public const int MaxDonorLength = 100;
    public const long MaxPrice = 100_000;
    public const int MaxStock = 100_000;

    private Goods()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The station (or township, county) that keeps the goods: its admins manage them, its residents and those below redeem them.</summary>
    public long OrgUnitId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public long PricePoints { get; private set; }

    public int Stock { get; private set; }

    /// <summary>Who gave the goods when they first came in (each later donation names its donor on its movement).</summary>
    public string? Donor { get; private set; }

    /// <summary>A picture in <c>plat_files</c> (optional).</summary>
    public long? PhotoFileId { get; private set; }

    public bool Active { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>New goods start at zero: the initial stock is the first movement, taken like every other one.</summary>
    public static Goods Create(long countyId, long orgUnitId, string name, long pricePoints, string? description, string? donor, DateTime nowUtc) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Name = name.Trim(),
        PricePoints = pricePoints,
        Description = Clean(description),
        Donor = Clean(donor),
        Stock = 0,
        Active = true,
        CreatedAt = nowUtc,
        UpdatedAt = nowUtc,
    };

    public void Edit(string name, long pricePoints, string? description, bool active, DateTime nowUtc)
    {
        Name = name.Trim();
        PricePoints = pricePoints;
        Description = Clean(description);
        Active = active;
        UpdatedAt = nowUtc;
    }

    public void SetPhoto(long? fileId, DateTime nowUtc)
    {
        PhotoFileId = fileId;
        UpdatedAt = nowUtc;
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
