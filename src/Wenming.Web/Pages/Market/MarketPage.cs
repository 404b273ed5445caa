using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Market;

/// <summary>Small display helpers shared by the market pages.</summary>
public static class MarketPage
{
    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string StatusBadge(Wenming.Web.Modules.Market.Domain.RedemptionStatus status) => status switch
    {
        Wenming.Web.Modules.Market.Domain.RedemptionStatus.Open => "badge badge-warn",
        Wenming.Web.Modules.Market.Domain.RedemptionStatus.PickedUp => "badge badge-ok",
        _ => "badge badge-off",
    };

    /// <summary>"123 456": two groups of three read out loud more easily at the counter.</summary>
    public static string SpacedCode(string code) => code.Length == 6 ? code[..3] + " " + code[3..] : code;
}
