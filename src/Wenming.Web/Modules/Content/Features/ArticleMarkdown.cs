using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Wenming.Web.Modules.Content.Features;

/// <summary>
/// Markdown to HTML that is safe to put in a page (ADR 0047): Markdig with raw HTML disabled (a &lt;script&gt; in the
/// body is shown as text), links and images kept only for http(s) and the platform's own files, then HtmlSanitizer
/// with a short whitelist of tags and attributes as a second wall, in case the Markdown parser ever lets through
/// something it should not. Pictures from the file store (/files/{id}) are rewritten to the public route of the
/// article where the reader has no staff session.
/// </summary>
public static partial class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The body as HTML; <paramref name="fileUrl"/> maps a stored file's id to the URL this reader may open.</summary>
    public static string ToHtml(string markdown, Func<long, string>? fileUrl = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = SafeUrl(link.Url, fileUrl);
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            // An autolink <mailto:…> or <javascript:…> is kept as its text only.
            if (SafeUrl(link.Url, fileUrl) is not { Length: > 0 })
            {
                link.Url = "";
            }
        }

        return Sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>The ids of stored files the body refers to (its pictures): the only files its public page serves.</summary>
    public static IReadOnlySet<long> FileIds(string markdown) =>
        FileReference().Matches(markdown).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    /// <summary>http(s) anywhere, or one of the platform's own files; anything else (javascript:, data:, //host, relative paths) becomes "".</summary>
    internal static string SafeUrl(string? url, Func<long, string>? fileUrl)
    {
        var trimmed = (url ?? "").Trim();
        if (OwnFile().Match(trimmed) is { Success: true } own)
        {
            var id = long.Parse(own.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return fileUrl is null ? "/files/" + id : fileUrl(id);
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : "";
    }

    private static bool IsAllowedInHtml(string url) =>
        OwnFile().IsMatch(url) || PortalFile().IsMatch(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        });
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!IsAllowedInHtml(e.OriginalUrl))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links leave the platform in a new context: no referrer, no window.opener.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                a.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"^/files/(\d{1,18})$")]
    private static partial Regex OwnFile();

    [GeneratedRegex(@"^/portal/articles/\d{1,18}/files/\d{1,18}$")]
    private static partial Regex PortalFile();

    [GeneratedRegex(@"\(/files/(\d{1,18})\)")]
    private static partial Regex FileReference();
}
