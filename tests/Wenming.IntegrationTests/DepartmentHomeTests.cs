using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// A department admin's pages (issue 17, ADR 0060): the home shows what a department does (orders to claim and those it
/// answers for, supervision tasks, its teams, venues and bookings to approve) and none of a township's cards
/// (households, 居民注册); every link on the home and in the menu answers without a 无权访问 dead end. And the county's
/// claim time (认领时限) is set on the 点单时限 page with the API's rule.
/// </summary>
public sealed partial class DepartmentHomeTests(AppFixture app) : IClassFixture<AppFixture>
{
    [GeneratedRegex("href=\"(/[^\"#]*)")]
    private static partial Regex Links();

    [DatabaseFact]
    public async Task TheDepartmentHome_ShowsADepartmentsWork_AndEveryLinkAnswers()
    {
        var dept = await app.SignInToPagesAsync("dept1");
        var home = await dept.GetStringAsync("/");

        foreach (var card in new[] { "home-dept-orders", "home-dept-tasks", "home-venues", "home-volunteers" })
        {
            Assert.Contains($"data-testid=\"{card}\"", home, StringComparison.Ordinal);
        }

        foreach (var card in new[] { "home-households", "home-registrations", "home-orders\"", "home-reports" })
        {
            Assert.DoesNotContain($"data-testid=\"{card}", home, StringComparison.Ordinal);
        }

        var links = Links().Matches(home).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(l => !l.StartsWith("/css/", StringComparison.Ordinal) && !l.StartsWith("/js/", StringComparison.Ordinal) && !l.StartsWith("/lib/", StringComparison.Ordinal)
                && !l.StartsWith("/api/", StringComparison.Ordinal) && !l.Contains("logout", StringComparison.OrdinalIgnoreCase) && l != "/")
            .Distinct().ToList();
        Assert.True(links.Count > 10, "the home and menu list the department's pages");
        var dead = new List<string>();
        foreach (var link in links)
        {
            using var response = await dept.GetAsync(link);
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found)
                || location.Contains("/account/denied", StringComparison.Ordinal) || location.Contains("/account/login", StringComparison.Ordinal))
            {
                dead.Add($"{link} → {(int)response.StatusCode} {location}");
            }
        }

        Assert.Empty(dead);
    }

    [DatabaseFact]
    public async Task ADepartmentsAdmin_IsNamedSo_WhereTheirRoleShows_AndATownshipsAdminStaysTheInstitutes()
    {
        var dept = await app.SignInToPagesAsync("dept1");
        foreach (var page in new[] { "/", "/me" })
        {
            var html = await dept.GetStringAsync(page);
            Assert.Contains("<span class=\"who-role\">部门管理员</span>", html, StringComparison.Ordinal);
            Assert.Contains("<dd>部门管理员</dd>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("所管理员", html, StringComparison.Ordinal);
        }

        var township = await (await app.SignInToPagesAsync("town1")).GetStringAsync("/");
        Assert.Contains("<span class=\"who-role\">所管理员</span>", township, StringComparison.Ordinal);
        Assert.Contains("<dd>所管理员</dd>", township, StringComparison.Ordinal);

        // And so where the county's admin looks the accounts up: the list and the account's page.
        var center = await app.SignInToPagesAsync("center");
        foreach (var (login, role) in new[] { ("dept1", "部门管理员"), ("town1", "所管理员") })
        {
            var list = await center.GetStringAsync($"/accounts?q={login}");
            Assert.Matches($">{role}</td>", list);
            var id = (await app.As("center").GetAsync($"/api/v1/accounts?q={login}")).Expect(HttpStatusCode.OK).Items
                .Single(a => a.GetProperty("login").GetString() == login).GetProperty("id").GetInt64();
            Assert.Contains($"<dd>{role}</dd>", await center.GetStringAsync($"/accounts/{id}"), StringComparison.Ordinal);
        }
    }

    /// <summary>The demo county gives every department's admin something to do: an order passed to it is waiting or claimed.</summary>
    [DatabaseFact]
    public async Task EveryDemoDepartmentsHome_HasAnOrderToActOn()
    {
        var idle = new List<string>();
        foreach (var login in new[] { "dept1", "dept2", "dept3", "dept4", "dept5" })
        {
            var home = await (await app.SignInToPagesAsync(login)).GetStringAsync("/");
            var counts = new[] { "todo-orders-claim", "todo-orders-first" }
                .Select(id => Regex.Match(home, $"data-testid=\"{id}\">\\s*<span>[^<]*</span>\\s*<b class=\"[^\"]*\">(\\d+)</b>"))
                .ToList();
            Assert.All(counts, c => Assert.True(c.Success, $"{login}'s home shows the department's order counts"));
            if (counts.Sum(c => int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture)) == 0)
            {
                idle.Add(login);
            }
        }

        Assert.Empty(idle);
    }

    [DatabaseFact]
    public async Task TheClaimTime_IsSetOnTheRulesPage_WithTheApisRule()
    {
        var county = app.Demo.Unit("county");
        var center = await app.SignInToPagesAsync("center");
        var page = await center.GetStringAsync("/orders/rules");
        Assert.Contains("data-testid=\"claim-hours\"", page, StringComparison.Ordinal);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var current = (await app.As("center").GetAsync($"/api/v1/order-rules/{county}")).Expect(HttpStatusCode.OK);

        FormUrlEncodedContent Form(string claimHours) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.DispatchHours"] = current.Number("dispatchHours").ToString(CultureInfo.InvariantCulture),
            ["Input.AcceptHours"] = current.Number("acceptHours").ToString(CultureInfo.InvariantCulture),
            ["Input.CompleteDays"] = current.Number("completeDays").ToString(CultureInfo.InvariantCulture),
            ["Input.AutoCloseDays"] = current.Number("autoCloseDays").ToString(CultureInfo.InvariantCulture),
            ["Input.ClaimHours"] = claimHours,
        });

        // Zero is outside the API's 1…max: the form comes back with a Chinese message on the field and nothing changes.
        using (var refused = await center.PostAsync("/orders/rules", Form("0")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Matches("field-error[^>]*>[^<]*\\p{IsCJKUnifiedIdeographs}", body);
        }

        Assert.Equal(current.Number("claimHours"), (await app.As("center").GetAsync($"/api/v1/order-rules/{county}")).Expect(HttpStatusCode.OK).Number("claimHours"));

        using (var saved = await center.PostAsync("/orders/rules", Form("36")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(36, (await app.As("center").GetAsync($"/api/v1/order-rules/{county}")).Expect(HttpStatusCode.OK).Number("claimHours"));
        Assert.Contains("value=\"36\"", await center.GetStringAsync("/orders/rules"), StringComparison.Ordinal);
    }
}
