using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The public data screen's additions (issue 12, ADR 0056): a rotation of its key is in the audit log (who, when, which
/// county, never a key), and its map panel reads a public map behind the same key — the key's county only.
/// </summary>
public sealed class DataScreenTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task RotatingTheScreenKey_IsAudited_WithWhoAndWhichCounty_NeverTheKey()
    {
        var first = (await app.As("center").GetAsync("/api/v1/stats/screen-key")).Expect(HttpStatusCode.OK).Text("key");
        var rotated = (await app.As("center").PostAsync("/api/v1/stats/screen-key/rotate")).Expect(HttpStatusCode.OK).Text("key");
        Assert.NotEqual(first, rotated);

        var audit = (await app.As("center").GetAsync($"/api/v1/audit-entries?entityType=ScreenKey&entityId={app.Demo.Unit("county")}")).Expect(HttpStatusCode.OK);
        var entry = Assert.Single(audit.Items);
        Assert.Equal("center", entry.GetProperty("login").GetString());
        Assert.Equal(app.Demo.Unit("county"), entry.GetProperty("orgUnitId").GetInt64());
        Assert.DoesNotContain(first, audit.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated, audit.Body, StringComparison.Ordinal);
        Assert.Empty((await app.As("town1").GetAsync($"/api/v1/audit-entries?entityType=ScreenKey&entityId={app.Demo.Unit("county")}")).Expect(HttpStatusCode.OK).Items);
    }

    [DatabaseFact]
    public async Task PublicMap_NeedsTheKey_ShowsTheKeysCountyOnly_AndTheScreenDrawsIt()
    {
        (await app.Anonymous().GetAsync("/api/v1/public/stats/map")).ExpectProblem(HttpStatusCode.Unauthorized, "stats.key_required");
        (await app.Anonymous().GetAsync("/api/v1/public/stats/map?key=guessed")).ExpectProblem(HttpStatusCode.Unauthorized, "stats.key_invalid");

        var key = Uri.EscapeDataString((await app.As("center").GetAsync("/api/v1/stats/screen-key")).Expect(HttpStatusCode.OK).Text("key"));
        var map = (await app.Anonymous().GetAsync($"/api/v1/public/stats/map?key={key}")).Expect(HttpStatusCode.OK);
        Assert.Equal(app.Demo.Unit("county"), map.Number("orgUnitId"));
        var signedIn = (await app.As("center").GetAsync($"/api/v1/stats/map?orgUnitId={app.Demo.Unit("county")}")).Expect(HttpStatusCode.OK);
        Assert.Equal(signedIn.Json.GetProperty("units").GetRawText(), map.Json.GetProperty("units").GetRawText());
        Assert.NotEqual(0, map.Json.GetProperty("units").GetArrayLength());
        Assert.DoesNotContain("personId", map.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("云岭", map.Body, StringComparison.Ordinal);

        (await app.Anonymous().GetAsync($"/api/v1/public/stats/map?key={key}&orgUnitId={app.Demo.Unit("township1")}")).Expect(HttpStatusCode.OK);
        (await app.Anonymous().GetAsync($"/api/v1/public/stats/map?key={key}&orgUnitId={app.Demo.Unit("county2")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");
        (await app.Anonymous().GetAsync($"/api/v1/public/stats/map?key={key}&orgUnitId={app.Demo.Unit("county2-village")}")).ExpectProblem(HttpStatusCode.NotFound, "org.not_found");

        // The center admin's link opens the screen (it named a path no page answered before).
        var link = (await app.As("center").GetAsync("/api/v1/stats/screen-key")).Expect(HttpStatusCode.OK).Text("screenPath");
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(link)).StatusCode);
        var screen = await app.Http.GetStringAsync($"/stats/screen?key={key}");
        Assert.Contains("data-testid=\"screen-map\"", screen, StringComparison.Ordinal);
        Assert.Contains("/lib/leaflet/leaflet.js", screen, StringComparison.Ordinal);
        // No drill-down link on the public screen: the statistics pages need a sign-in.
        Assert.DoesNotContain("/stats?unit=", screen, StringComparison.Ordinal);
    }
}
