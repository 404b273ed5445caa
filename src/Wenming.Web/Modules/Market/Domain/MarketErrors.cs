using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Market.Domain;

/// <summary>
/// The market's typed failures. The codes are API.md's (<c>goods.out_of_stock</c>, <c>points.insufficient</c>);
/// the Chinese text lives under the module's own prefix in Resources/Market.resx. Field errors go through <see cref="FieldErrors"/>.
/// </summary>
public static class MarketErrors
{
    public static Error GoodsNotFound() => Of("goods.not_found", ErrorKind.NotFound, "Market.error.goods_not_found");

    public static Error OutOfStock() => Of("goods.out_of_stock", ErrorKind.Conflict, "Market.error.out_of_stock");

    public static Error Inactive() => Of("goods.inactive", ErrorKind.Conflict, "Market.error.inactive");

    public static Error StockBelowZero(int stock) => Of("goods.stock_below_zero", ErrorKind.Conflict, "Market.error.stock_below_zero", stock);

    public static Error Insufficient(long balance, long points) => Of("points.insufficient", ErrorKind.Conflict, "Market.error.insufficient", balance, points);

    public static Error RedemptionNotFound() => Of("redemption.not_found", ErrorKind.NotFound, "Market.error.redemption_not_found");

    public static Error CodeNotFound() => Of("redemption.code_not_found", ErrorKind.NotFound, "Market.error.code_not_found");

    /// <summary>Already picked up or cancelled (perhaps a moment ago, by another counter or tap).</summary>
    public static Error NotOpen(RedemptionStatus status) =>
        Of("redemption.not_open", ErrorKind.Conflict, status == RedemptionStatus.PickedUp ? "Market.error.already_picked_up" : "Market.error.already_cancelled");

    private static Error Of(string code, ErrorKind kind, string key, params object[] args) => Error.Keyed(code, kind, key, args);
}
