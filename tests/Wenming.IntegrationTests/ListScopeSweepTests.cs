using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// The scope of lists, filters, exports and pages, not only of reads by id: every GET route of the app (API
/// and pages, found from the app's own endpoint table, so a new route is swept without being listed here) is
/// called by the cadres of the other township, with and without each filter pointing into 桃花村, and no
/// answer may name a person of 桃花村. A list's items must agree with its total. The names are those of
/// 桃花村's people that no one outside it shares, and a fresh person given points, a volunteer record and an
/// award, so every kind of list has a row of theirs.
/// </summary>
public sealed partial class ListScopeSweepTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Outsiders = ["village2", "town2"];

    /// <summary>Query variants: none, then each filter on its own, pointing at 桃花村's data.</summary>
    private const string CanaryPrefix = "探针";

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Filters = ["orgUnitId", "unitId", "personId", "volunteerId", "teamId", "activityId", "goodsId", "q"];

    [DatabaseFact]
    public async Task EveryListExportAndPage_ForCadresOfAnotherTownship_NamesNoOneOfTheVillage()
    {
        var canary = await PlantCanaryAsync();
        var secrets = await SecretNamesAsync(canary.Name);
        var routes = GetRoutes();
        Assert.True(routes.Count > 60, $"expected the app's GET routes, found {routes.Count}");
        Assert.Contains(routes, r => r.Pattern == "/api/v1/points/transactions");
        Assert.Contains(routes, r => r.Pattern.StartsWith("/points/ledger", StringComparison.OrdinalIgnoreCase));

        var leaks = new List<string>();
        var checkedAnswers = 0;
        foreach (var who in Outsiders)
        {
            using var api = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            api.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenAsync(who));
            using var browser = await SignedInBrowserAsync(who);
            foreach (var route in routes)
            {
                var client = route.Pattern.StartsWith("/api/", StringComparison.Ordinal) ? api : browser;
                foreach (var url in Urls(route.Pattern, canary))
                {
                    using var response = await client.GetAsync(url);
                    checkedAnswers++;
                    var status = (int)response.StatusCode;
                    var text = await ReadableTextAsync(response);
                    if (status >= 500)
                    {
                        leaks.Add($"{who} GET {url} → {status}");
                        continue;
                    }

                    foreach (var name in secrets.Where(text.Contains))
                    {
                        leaks.Add($"{who} GET {url} → {status} names {name}");
                    }

                    if (CountMismatch(response, text) is { } mismatch)
                    {
                        leaks.Add($"{who} GET {url} → {mismatch}");
                    }
                }
            }
        }

        Assert.True(checkedAnswers > 300, $"only {checkedAnswers} answers were checked");
        Assert.True(leaks.Count == 0, "Answers that reach past the caller's subtree:\n" + string.Join("\n", leaks.Distinct().Take(60)));
    }

    [DatabaseFact]
    public async Task TheSweep_WhenAListLiftsTheScope_FindsTheVillagesNames()
    {
        // The sweep's own proof: the ledger page's answer for the village's own admin (whose subtree it is)
        // names the canary, so the same check run for an outsider would see a leak.
        var canary = await PlantCanaryAsync();
        var own = (await app.As("village1").GetAsync($"/api/v1/points/transactions?personId={canary.PersonId}")).Expect(HttpStatusCode.OK);
        Assert.Contains(canary.Name, own.Body, StringComparison.Ordinal);
        using var browser = await SignedInBrowserAsync("village1");
        var page = await ReadableTextAsync(await browser.GetAsync("/points/ledger"));
        Assert.Contains(canary.Name, page, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task AQuery_ThatLiftsTheScopeInOnePartOnly_IsRefusedBeforeAnySqlRuns()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().RestrictTo("/nothing/");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The shape that leaked: a correlated sub-query reading past the scope inside a scoped list.
        var mixed = db.Set<PointTransaction>().Select(t => new
        {
            t.Id,
            ReversedBy = db.Set<PointTransaction>().IgnoreQueryFilters().Where(r => r.ReversesTransactionId == t.Id).Select(r => (long?)r.Id).FirstOrDefault(),
        });
        var refused = await Assert.ThrowsAsync<ScopeLiftedInPartException>(() => mixed.ToListAsync());
        Assert.Contains("PointTransaction", refused.Message, StringComparison.Ordinal);

        // Lifting it on every part, or on none, is allowed.
        var scoped = await db.Set<PointTransaction>().Where(t => db.Set<PointTransaction>().Any(r => r.ReversesTransactionId == t.Id)).CountAsync();
        var lifted = await db.Set<PointTransaction>().IgnoreQueryFilters()
            .Where(t => db.Set<PointTransaction>().IgnoreQueryFilters().Any(r => r.ReversesTransactionId == t.Id)).CountAsync();
        Assert.Equal(0, scoped);
        Assert.True(lifted >= 0);
    }

    private sealed record Route(string Pattern);

    private sealed record Canary(string Name, long Village, long PersonId, long VolunteerId, long AwardId, long TeamId, long ActivityId, long GoodsId, long OrderId);

    /// <summary>A person of 桃花村 with a name no one else has, with rows in the ledger, the volunteers and the awards.</summary>
    private async Task<Canary> PlantCanaryAsync()
    {
        var village1 = app.Demo.Unit("village1");
        var name = CanaryPrefix + string.Concat(TestData.Name("").Select(c => "〇一二三四五六七八九"[c - '0']));
        var person = await ScopeMatrix.NewPersonAsync(app, village1, name);
        // The ledger rows carry the reason but (for an outsider) no name: the reason is a secret of its own.
        var posted = await Ledger.PostAsync(app, new(person, 60, PointKind.Award, "test:" + Guid.NewGuid(), name + "号理由"));
        Assert.Equal(PostingOutcome.Posted, posted.Outcome);
        var volunteer = (await app.As("village1").PostAsync("/api/v1/volunteers", new { personId = person })).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/approve")).Expect(HttpStatusCode.OK);
        var award = (await app.As("village1").PostAsync("/api/v1/points/awards", new { personId = person, points = 5, reason = "好人好事：帮邻居修屋顶" }))
            .Expect(HttpStatusCode.Created).Id;

        async Task<long> FirstAsync(string path)
        {
            var list = (await app.Admin.GetAsync(path)).Expect(HttpStatusCode.OK);
            return list.Items.Count > 0 ? list.Items[0].GetProperty("id").GetInt64() : person;
        }

        return new Canary(
            name, village1, person, volunteer, award,
            await FirstAsync($"/api/v1/teams?orgUnitId={village1}"),
            await FirstAsync($"/api/v1/activities?orgUnitId={village1}"),
            await FirstAsync($"/api/v1/market/goods?orgUnitId={village1}"),
            await FirstAsync($"/api/v1/orders/board?orgUnitId={village1}"));
    }

    /// <summary>The canary's name and the names of 桃花村's people that no one outside the village shares.</summary>
    private async Task<HashSet<string>> SecretNamesAsync(string canary)
    {
        static string NameOf(JsonElement p) => p.GetProperty("name").GetString()!;
        var inVillage = (await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/people?orgUnitId={app.Demo.Unit("village1")}&")).Select(NameOf).ToHashSet();
        var everyone = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/people?");
        var villageIds = (await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/people?orgUnitId={app.Demo.Unit("village1")}&")).Select(p => p.GetProperty("id").GetInt64()).ToHashSet();
        var elsewhere = everyone.Where(p => !villageIds.Contains(p.GetProperty("id").GetInt64())).Select(NameOf).ToHashSet();
        var secrets = inVillage.Where(n => !elsewhere.Contains(n) && n.Length >= 2).ToHashSet();
        secrets.Add(canary);
        secrets.Add(canary + "号理由");
        Assert.True(secrets.Count > 10, $"too few names to look for: {secrets.Count}");
        return secrets;
    }

    /// <summary>The GET routes of the app: API routes and Razor pages, without the sign-in and sign-out pages.</summary>
    private List<Route> GetRoutes()
    {
        var source = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        return
        [
            .. source.Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
                .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
                .Where(p => !p.Contains("/account/log", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("/openapi", StringComparison.Ordinal) && !p.StartsWith("/docs", StringComparison.Ordinal))
                .Distinct()
                .Order(StringComparer.Ordinal)
                .Select(p => new Route(p)),
        ];
    }

    /// <summary>The route with its parameters filled with 桃花村's ids, bare and with each filter.</summary>
    private static IEnumerable<string> Urls(string pattern, Canary canary)
    {
        var path = RouteParameter().Replace(pattern, m =>
        {
            var before = pattern[..m.Index].TrimEnd('/');
            var segment = before[(before.LastIndexOf('/') + 1)..].ToLowerInvariant();
            var name = m.Groups["name"].Value;
            var isId = m.Value.Contains(":long", StringComparison.Ordinal) || name.EndsWith("id", StringComparison.OrdinalIgnoreCase);
            if (!isId)
            {
                return "x";
            }

            return (name.ToLowerInvariant(), segment) switch
            {
                ("personid", _) or (_, "people" or "person" or "accounts") => Id(canary.PersonId),
                (_, "volunteers") => Id(canary.VolunteerId),
                (_, "awards") => Id(canary.AwardId),
                (_, "teams") => Id(canary.TeamId),
                (_, "activities") => Id(canary.ActivityId),
                (_, "goods") => Id(canary.GoodsId),
                (_, "orders") => Id(canary.OrderId),
                _ => Id(canary.PersonId),
            };
        });
        path = path.Replace("{**", "", StringComparison.Ordinal);
        yield return path;
        if (path.Contains('{', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var filter in Filters)
        {
            var value = filter switch
            {
                "personId" => Id(canary.PersonId),
                "volunteerId" => Id(canary.VolunteerId),
                "teamId" => Id(canary.TeamId),
                "activityId" => Id(canary.ActivityId),
                "goodsId" => Id(canary.GoodsId),
                // The part of the name a search box echoes back; a leaked row shows the whole name.
                "q" => Uri.EscapeDataString(CanaryPrefix),
                _ => Id(canary.Village),
            };
            yield return path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + filter + "=" + value;
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The answer as the text a person or a client reads: HTML decoded, JSON as is, a workbook's cells.</summary>
    private static async Task<string> ReadableTextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("spreadsheetml", StringComparison.Ordinal))
        {
            var read = ExcelReader.Read(new MemoryStream(bytes));
            return read.IsSuccess ? string.Join("\n", read.Value.Select(r => string.Join("\t", r.Cells))) : "(unreadable workbook)";
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (type.Contains("json", StringComparison.Ordinal))
        {
            // JSON may escape non-ASCII characters; read it back to the characters themselves.
            try
            {
                using var doc = JsonDocument.Parse(text);
                return JsonSerializer.Serialize(doc.RootElement, Unescaped);
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return WebUtility.HtmlDecode(text);
    }

    /// <summary>A paged list whose first page holds more or fewer rows than its total allows (a count and a list scoped differently).</summary>
    private static string? CountMismatch(HttpResponseMessage response, string text)
    {
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || !root.TryGetProperty("total", out var total)
            || !root.TryGetProperty("pageSize", out var pageSize) || !root.TryGetProperty("page", out var page) || page.GetInt32() != 1)
        {
            return null;
        }

        var expected = Math.Min(total.GetInt32(), pageSize.GetInt32());
        return items.GetArrayLength() == expected ? null : $"{items.GetArrayLength()} items on page 1 but total {total.GetInt32()}";
    }

    /// <summary>A cookie client signed in through the sign-in page, like a browser.</summary>
    private async Task<HttpClient> SignedInBrowserAsync(string login)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", AppFixture.ClientAddress);
        var form = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(form).Groups["value"].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = login,
            ["Password"] = AppFixture.DemoPassword,
            ["__RequestVerificationToken"] = token,
        });
        var signedIn = await client.PostAsync("/Account/Login", content);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in of {login} through the page answered {(int)signedIn.StatusCode}");
        return client;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
