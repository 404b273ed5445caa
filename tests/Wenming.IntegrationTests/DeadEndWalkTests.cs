using System.Net;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Every page a demo login reaches by following links from their home page opens for them: no link leads to 无权访问,
/// 未找到 or an error page. Such a walk, by hand, found the system admin's 404s on the county rule pages, the data
/// screen and the city's "portal", a supervisor's 无权访问 behind the portal's 点单, and a team leader's behind an
/// activity's way back. Pages are sampled by shape (ids and query values folded, two of each), on a copy of the
/// seeded demo county, so a new page or link is walked as soon as a home page or a page under it shows it.
/// </summary>
public sealed partial class DeadEndWalkTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    private const int PagesPerLogin = 150;

    private static readonly string[] Logins = ["admin", "center", "town1", "village1", "leader1", "volunteer1", "resident1", "supervisor1", "dept1"];

    [DatabaseFact]
    public async Task EveryLinkADemoLoginFollows_OpensForThem()
    {
        await using var database = await TestDatabase.CopyOfTemplateAsync(provider.Provider, seeded: true);
        await using var factory = new WenmingFactory(database);
        var deadEnds = new List<string>();
        var walked = 0;
        foreach (var login in Logins)
        {
            using var browser = await AppFixture.SignInToPagesAsync(factory, login);
            walked += await WalkAsync(browser, login, deadEnds);
        }

        Assert.True(walked > Logins.Length * 20, $"only {walked} pages walked: the links were not found");
        Assert.True(deadEnds.Count == 0, "dead ends:\n" + string.Join("\n", deadEnds));
    }

    /// <summary>Breadth first from the home page; returns how many pages were opened and adds each dead end as "login: status path ← from".</summary>
    private static async Task<int> WalkAsync(HttpClient browser, string login, List<string> deadEnds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Path, string From)>([("/", "(home)")]);
        var opened = 0;
        while (queue.TryDequeue(out var next) && opened < PagesPerLogin)
        {
            var (path, from) = next;
            if (!seen.Add(path) || Skipped().IsMatch(path) || shapes.GetValueOrDefault(Shape(path)) >= 2)
            {
                continue;
            }

            shapes[Shape(path)] = shapes.GetValueOrDefault(Shape(path)) + 1;
            using var response = await browser.GetAsync(path);
            opened++;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                && response.Headers.Location is { } location && Local(location.OriginalString) is { } to)
            {
                queue.Enqueue((to, path));
                continue;
            }

            if ((int)response.StatusCode >= 400)
            {
                deadEnds.Add($"{login}: {(int)response.StatusCode} {path} ← {from}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            foreach (Match link in Href().Matches(await response.Content.ReadAsStringAsync()))
            {
                if (Local(WebUtility.HtmlDecode(link.Groups[1].Value)) is { } target && !seen.Contains(target))
                {
                    queue.Enqueue((target, path));
                }
            }
        }

        return opened;
    }

    /// <summary>The path and query of a link within the site, without its fragment; null for other sites and non-page schemes.</summary>
    private static string? Local(string href)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? href : href[..hash];
    }

    /// <summary>Ids and query values folded: /activities/12?p=2 and /activities/15?p=3 are one shape.</summary>
    private static string Shape(string path) => Number().Replace(QueryValue().Replace(path, "="), "/N");

    /// <summary>
    /// Not pages: static files, signing out or in again, downloads (exports, reports, certificates, files), the API and its
    /// documents, and the operators' metrics.
    /// </summary>
    [GeneratedRegex(@"^/(css|js|lib|img|fonts|favicon|api/|openapi|docs|metrics)|/account/(login|logout)|export|download|/files/|handler=(Report|Download|Export|Pdf|Xlsx)|format=|\.(xlsx|pdf|ics|csv|png|jpg|zip)(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Skipped();

    [GeneratedRegex("href=\"([^\"#][^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"/\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"=[^&]*")]
    private static partial Regex QueryValue();
}
