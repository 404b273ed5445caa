using System.Net;
using System.Text.RegularExpressions;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// Links a role meets lead to pages that role can open. A walk of every demo login's pages found these dead ends: the
/// system admin, whose unit lies above the counties, met 404 on the county rule pages (点单时限, 积分规则) and on the
/// city's "portal"; a supervisor met 无权访问 behind the portal's 点单 buttons.
/// </summary>
public sealed partial class WayThroughTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task CountyRulePages_SendTheSystemAdminToChooseACounty_ThenShowAndSaveThatCountys()
    {
        var county = app.Demo.Unit("county");
        using var admin = await app.SignInToPagesAsync("admin");
        foreach (var (page, menu) in new[] { ("/orders/rules", "/orders/board"), ("/points/rules", "/points/ledger") })
        {
            using var sent = await admin.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal($"/org/choose-county?next={Uri.EscapeDataString(page)}", sent.Headers.Location!.OriginalString);
            var choose = await admin.GetStringAsync(sent.Headers.Location.OriginalString);
            Assert.Contains("选择县（区）", choose, StringComparison.Ordinal);
            Assert.Contains($"href=\"{page}?county={county}\"", choose, StringComparison.Ordinal);
            // The menu shows where the way leads: the rules' own module, not the org tree the chooser's address is under.
            Assert.Contains($"href=\"{menu}\" class=\"active\" aria-current=\"page\"", choose, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/org\" class=\"active\"", choose, StringComparison.Ordinal);

            using var shown = await admin.GetAsync($"{page}?county={county}");
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains("data-testid=\"rules-form\"", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // A unit that is not a county is no county to set rules for.
            using var township = await admin.GetAsync($"{page}?county={app.Demo.Unit("township1")}");
            Assert.Equal(HttpStatusCode.Redirect, township.StatusCode);
        }

        // Saved for the county named, and back on that county's page.
        var form = await admin.GetStringAsync($"/orders/rules?county={county}");
        using var saved = await admin.PostAsync($"/orders/rules?county={county}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value,
            ["Input.DispatchHours"] = "20",
            ["Input.AcceptHours"] = "24",
            ["Input.CompleteDays"] = "7",
            ["Input.AutoCloseDays"] = "3",
            ["Input.ClaimHours"] = "24",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/orders/rules?county={county}", saved.Headers.Location!.OriginalString);
        Assert.Contains("value=\"20\"", await admin.GetStringAsync($"/orders/rules?county={county}"), StringComparison.Ordinal);

        // A center admin's page is their own county's, whatever is asked.
        using var center = await app.SignInToPagesAsync("center");
        using var own = await center.GetAsync($"/points/rules?county={app.Demo.Unit("county2")}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [DatabaseFact]
    public async Task ThePortal_IsACountys_AndOffers点单_OnlyToWhoMayOrder()
    {
        var village = app.Demo.Unit("village1");
        using var resident = await app.SignInToPagesAsync("resident1");
        Assert.Matches(OrderLink(), await resident.GetStringAsync($"/portal?unit={village}"));

        using var supervisor = await app.SignInToPagesAsync("supervisor1");
        var seen = await supervisor.GetStringAsync($"/portal?unit={village}");
        Assert.Contains("data-testid=\"portal-fund\"", seen, StringComparison.Ordinal);
        Assert.DoesNotMatch(OrderLink(), seen);
        Assert.DoesNotMatch(OrderLink(), await supervisor.GetStringAsync($"/portal/services?unit={village}"));

        using var city = await app.Http.GetAsync($"/portal?unit={app.Demo.Unit("city")}");
        Assert.Equal(HttpStatusCode.NotFound, city.StatusCode);
        using var admin = await app.SignInToPagesAsync("admin");
        Assert.DoesNotContain($"/portal?unit={app.Demo.Unit("city")}", await admin.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"[^\"]*/orders/new\\?item=")]
    private static partial Regex OrderLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
