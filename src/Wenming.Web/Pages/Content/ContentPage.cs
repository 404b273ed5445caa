using System.Globalization;
using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Pages.Content;

/// <summary>Small display helpers shared by the content pages.</summary>
public static class ContentPage
{
    public static string Time(DateTimeOffset? at) => at is { } t ? t.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset at) => at.ToOffset(Text.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Badge(ArticleStatus status) => status switch
    {
        ArticleStatus.Submitted or ArticleStatus.FirstApproved => "badge badge-warn",
        ArticleStatus.Approved or ArticleStatus.Published => "badge badge-ok",
        _ => "badge badge-off",
    };
}
