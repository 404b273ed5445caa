using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Market.Features;

/// <summary>API.md's goods shape <c>{id, orgUnitId, name, pricePoints, stock}</c> and more.</summary>
/// <param name="PhotoUrl">Where the API serves the picture (bearer), when there is one; pages use <c>/market/photo/{id}</c>.</param>
public sealed record GoodsDto(long Id, long OrgUnitId, string Name, long PricePoints, int Stock, string? Description, string? Donor, bool Active, string? PhotoUrl, DateTimeOffset UpdatedAt)
{
    public static GoodsDto From(Goods g) =>
        Of(g.Id, g.OrgUnitId, g.Name, g.PricePoints, g.Stock, g.Description, g.Donor, g.Active, g.PhotoFileId, g.UpdatedAt);

    /// <summary>From the stored columns (a resident's shelf is read as plain rows, <c>GoodsHandler</c>).</summary>
    public static GoodsDto Of(
        long id, long orgUnitId, string name, long pricePoints, int stock, string? description, string? donor, bool active, long? photoFileId, DateTime updatedAtUtc) =>
        new(id, orgUnitId, name, pricePoints, stock, description, donor, active, photoFileId is null ? null : $"/api/v1/market/goods/{id}/photo", Text.ToChinaTime(updatedAtUtc));
}

public sealed record StockMovementDto(
    long Id, long GoodsId, StockSource Source, string SourceLabel, int Quantity, int StockAfter, string? Donor, string? Note, long? RedemptionId, string? ByName, DateTimeOffset At)
{
    public static StockMovementDto From(StockMovement m) =>
        new(m.Id, m.GoodsId, m.Source, MarketLabels.Source(m.Source), m.Quantity, m.StockAfter, m.Donor, m.Note, m.RedemptionId, m.ByName, Text.ToChinaTime(m.At));
}

/// <summary>
/// A redemption as its person and the counter see it. <paramref name="PersonName"/> only for the counter
/// (an admin whose subtree holds the person); null on the person's own redemptions, whose owner knows the
/// name. <paramref name="BalanceAfter"/> only on the answer that paid or refunded.
/// </summary>
public sealed record RedemptionDto(
    long Id, long GoodsId, string GoodsName, long OrgUnitId, long PersonId, string? PersonName, int Quantity, long UnitPrice, long Points, string PickupCode,
    RedemptionStatus Status, string StatusLabel, bool AtCounter, DateTimeOffset CreatedAt, DateTimeOffset? PickedUpAt, string? PickedUpBy, DateTimeOffset? CancelledAt, string? CancelledBy,
    long? BalanceAfter = null)
{
    public static RedemptionDto From(Redemption r, string? personName, long? balanceAfter = null) =>
        new(r.Id, r.GoodsId, r.GoodsName, r.OrgUnitId, r.PersonId, personName, r.Quantity, r.UnitPrice, r.Points, r.PickupCode,
            r.Status, MarketLabels.Status(r.Status), r.AtCounter, Text.ToChinaTime(r.CreatedAt), ChinaTime(r.PickedUpAt), r.PickedUpByName, ChinaTime(r.CancelledAt), r.CancelledByName, balanceAfter);

    private static DateTimeOffset? ChinaTime(DateTime? utc) => utc is { } at ? Text.ToChinaTime(at) : null;
}

public static class MarketLabels
{
    public static string Source(StockSource source) => Text.Get("Market.source." + source);

    public static string Status(RedemptionStatus status) => Text.Get("Market.status." + status);
}
