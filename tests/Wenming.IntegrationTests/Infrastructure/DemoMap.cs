using System.Net;
using System.Text.Json;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// Ids of the demo county's units, people and accounts by the names the tests use, plus a second
/// county (云岭县) that the run's template database gets as admin (<see cref="AddSecondCountyAsync"/>), so "another county" exists.
/// </summary>
public sealed class DemoMap
{
    private const string County2 = "云岭县新时代文明实践中心";
    private const string County2Township = "云岭镇新时代文明实践所";
    private const string County2Village = "云岭村新时代文明实践站";
    private const string County2Resident = "云岭居民";

    private readonly Dictionary<string, long> _units;
    private readonly Dictionary<string, long> _people;
    private readonly Dictionary<string, long> _accounts;

    private DemoMap(Dictionary<string, long> units, Dictionary<string, long> people, Dictionary<string, long> accounts)
    {
        _units = units;
        _people = people;
        _accounts = accounts;
    }

    /// <summary>city, county, township1, township2, village1, village2, village1-point, county2, county2-township, county2-village.</summary>
    public long Unit(string key) => _units.TryGetValue(key, out var id) ? id : throw new KeyNotFoundException("No demo unit " + key);

    /// <summary>resident1 (resident1's own person), village1-other, village2, township2 (a village of township 2 other than village2), county2.</summary>
    public long Person(string key) => _people.TryGetValue(key, out var id) ? id : throw new KeyNotFoundException("No demo person " + key);

    /// <summary>The account id of a demo login.</summary>
    public long Account(string login) => _accounts.TryGetValue(login, out var id) ? id : throw new KeyNotFoundException("No demo account " + login);

    public static async Task<DemoMap> LoadAsync(AppFixture app)
    {
        var admin = app.Admin;
        var units = new Dictionary<string, long>();
        var all = await AllItemsAsync(admin, "/api/v1/org-units?");
        long ByName(string name) => all.Single(u => u.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
        units["city"] = ByName("青山市新时代文明实践指导中心");
        units["county"] = ByName("云溪县新时代文明实践中心");
        units["township1"] = ByName("桃源镇新时代文明实践所");
        units["township2"] = ByName("清溪镇新时代文明实践所");
        units["village1"] = ByName("桃花村新时代文明实践站");
        units["village1-sibling"] = ByName("柳岸村新时代文明实践站");
        units["village2"] = ByName("溪口村新时代文明实践站");
        units["township2-other-village"] = ByName("竹林村新时代文明实践站");
        units["village1-point"] = ByName("桃花村文化大院");

        units["county2"] = ByName(County2);
        units["county2-township"] = ByName(County2Township);
        units["county2-village"] = ByName(County2Village);

        var people = new Dictionary<string, long>();
        var me = (await app.As("resident1").GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        people["resident1"] = me.Number("personId");
        var inVillage1 = await AllItemsAsync(admin, $"/api/v1/people?orgUnitId={units["village1"]}&");
        people["village1-other"] = inVillage1.Select(p => p.GetProperty("id").GetInt64()).Last(id => id != people["resident1"]);
        people["village2"] = (await AllItemsAsync(admin, $"/api/v1/people?orgUnitId={units["village2"]}&"))[0].GetProperty("id").GetInt64();
        people["township2"] = (await AllItemsAsync(admin, $"/api/v1/people?orgUnitId={units["township2-other-village"]}&"))[0].GetProperty("id").GetInt64();
        people["county2"] = (await AllItemsAsync(admin, $"/api/v1/people?orgUnitId={units["county2-village"]}&"))
            .Single(p => p.GetProperty("name").GetString() == County2Resident).GetProperty("id").GetInt64();

        var accounts = (await AllItemsAsync(admin, "/api/v1/accounts?"))
            .ToDictionary(a => a.GetProperty("login").GetString()!, a => a.GetProperty("id").GetInt64());
        return new DemoMap(units, people, accounts);
    }

    /// <summary>The second county under the demo city, with a township, a village and one resident; done once, on the run's template database.</summary>
    public static async Task AddSecondCountyAsync(ApiClient admin)
    {
        var city = (await AllItemsAsync(admin, "/api/v1/org-units?")).Single(u => u.GetProperty("name").GetString() == "青山市新时代文明实践指导中心").GetProperty("id").GetInt64();
        var county2 = (await admin.PostAsync("/api/v1/org-units", new { parentId = city, level = "County", name = County2, divisionCode = "339902000000" })).Expect(HttpStatusCode.Created);
        var township = (await admin.PostAsync("/api/v1/org-units", new { parentId = county2.Id, level = "Township", name = County2Township, divisionCode = "339902001000" })).Expect(HttpStatusCode.Created);
        var village = (await admin.PostAsync("/api/v1/org-units", new { parentId = township.Id, level = "Village", name = County2Village, divisionCode = "339902001001" })).Expect(HttpStatusCode.Created);
        (await admin.PostAsync("/api/v1/people", new { name = County2Resident, idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = village.Id })).Expect(HttpStatusCode.Created);
    }

    /// <summary>Every item of a paged list (pageSize 100), following the pages.</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(ApiClient client, string pathWithQuery)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var response = (await client.GetAsync($"{pathWithQuery}page={page}&pageSize=100")).Expect(HttpStatusCode.OK);
            items.AddRange(response.Items);
            if (items.Count >= response.Total || response.Items.Count == 0)
            {
                return items;
            }
        }
    }
}
