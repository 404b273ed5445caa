using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Wenming.Web.Modules.Statistics.Features;

namespace Wenming.Web.Pages.Statistics;

/// <summary>
/// A month-by-month bar chart as inline SVG, drawn on the server: deployments are offline (no CDN), the chart
/// needs no script, scales with its box (viewBox) down to a phone, and prints. Each bar has a title (the
/// browser's tooltip) and the page puts the same numbers in a table beside it.
/// </summary>
public static class TrendChart
{
    public static IHtmlContent Render(IReadOnlyList<TrendPointDto> points, string label, string bar = "#b71c1c", string ink = "#555", int width = 600, int height = 220)
    {
        const int left = 8, right = 8, top = 22, bottom = 28;
        var max = points.Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        var scale = max <= 0 ? 0 : (height - top - bottom) / (double)max;
        var slot = (width - left - right) / (double)Math.Max(points.Count, 1);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"st-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"{ink}\" stroke-width=\"1\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var value = (double)(p.Value ?? 0);
            var h = value * scale;
            var x = left + (i * slot) + (slot * 0.18);
            var w = slot * 0.64;
            var y = height - bottom - h;
            var text = MonthlyReport.Number(p.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{p.Month}：{text}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{Math.Max(h, 0):0.#}\" fill=\"{bar}\" rx=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (w / 2):0.#}\" y=\"{Math.Max(y - 4, 12):0.#}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{ink}\">{text}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (w / 2):0.#}\" y=\"{height - bottom + 16}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{ink}\">{p.Month[5..]}月</text></g>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
