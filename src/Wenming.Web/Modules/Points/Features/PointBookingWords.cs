using System.Globalization;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Points.Features;

/// <summary>
/// How a ledger line names who booked it and what it came from, the same on the pages and in the Excel
/// export: the ledger keeps machine keys (job:CreditAwardsJob, order:13:completed) so that a line is
/// booked once; people read 系统自动 and 订单完成 #13.
/// </summary>
public static class PointBookingWords
{
    /// <summary>A login, or 系统自动 for the platform's own jobs and event handlers (job:…, event:…, system).</summary>
    public static string By(string login) =>
        login == "system" || login.StartsWith("job:", StringComparison.Ordinal) || login.StartsWith("event:", StringComparison.Ordinal) ? Text.Get("Points.ui.by_system") : login;

    /// <summary>The source key in words: its kind and the number of the row it came from.</summary>
    public static string Source(string sourceKey)
    {
        if (sourceKey.StartsWith("reversal:", StringComparison.Ordinal))
        {
            return Text.Get("Points.source_key.reversal", Source(sourceKey["reversal:".Length..]));
        }

        var parts = sourceKey.Split(':');
        var key = parts[0] switch
        {
            "activity" => "Points.source_key.activity",
            "order" => "Points.source_key.order",
            "service-hours" => "Points.source_key.service_hours",
            "organizer" => "Points.source_key.organizer",
            "award" => "Points.source_key.award",
            "redemption" => "Points.source_key.redemption",
            "redemption-refund" => "Points.source_key.redemption_refund",
            "demo" => "Points.source_key.demo",
            _ => null,
        };
        if (key is null)
        {
            return sourceKey;
        }

        // A bare transaction id (reversal:42) names the line it cancels.
        var number = parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? " #" + id.ToString(CultureInfo.InvariantCulture) : "";
        return Text.Get(key) + number;
    }
}
