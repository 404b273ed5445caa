using System.Net;
using System.Text.Json;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Every write leaves an audit entry: who, from where, what, on which row; scoped like the row.</summary>
public sealed class AuditTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task CreatingAUnit_IsAuditedWithLoginAddressActionAndEntity()
    {
        var created = (await app.As("town1").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("village1"), level = "Point", name = TestData.Name("审计点") })).Expect(HttpStatusCode.Created);

        var entry = await SingleEntryAsync("OrgUnit", created.Id, "Created");

        Assert.Equal("town1", entry.GetProperty("login").GetString());
        Assert.Equal(app.Demo.Account("town1"), entry.GetProperty("userId").GetInt64());
        Assert.Equal(AppFixture.ClientAddress, entry.GetProperty("ipAddress").GetString());
        Assert.Equal(created.Id, entry.GetProperty("orgUnitId").GetInt64());
        Assert.Equal(created.Text("name"), entry.GetProperty("changes").GetProperty("Name").GetString());
        Assert.EndsWith("+08:00", entry.GetProperty("at").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task RenamingAUnit_IsAuditedWithTheOldAndNewName()
    {
        var created = (await app.As("center").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("village2"), level = "Point", name = "旧名" + TestData.Name("点") })).Expect(HttpStatusCode.Created);
        var newName = TestData.Name("新名点");

        (await app.As("village2").PutAsync($"/api/v1/org-units/{created.Id}", new { name = newName })).Expect(HttpStatusCode.OK);

        var entry = await SingleEntryAsync("OrgUnit", created.Id, "Updated", by: "village2");
        var name = entry.GetProperty("changes").GetProperty("Name");
        Assert.Equal(created.Text("name"), name.GetProperty("old").GetString());
        Assert.Equal(newName, name.GetProperty("new").GetString());
    }

    [DatabaseFact]
    public async Task RegisteringAndEditingAPerson_IsAudited_WithPersonalDataMasked()
    {
        var created = (await app.As("village1").PostAsync("/api/v1/people", new { name = "审计人", idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        (await app.As("town1").PutAsync($"/api/v1/people/{created.Id}", new { name = "审计人", phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1"), skills = "理发" })).Expect(HttpStatusCode.OK);

        var registered = await SingleEntryAsync("Person", created.Id, "Created", by: "village1");
        var edited = await SingleEntryAsync("Person", created.Id, "Updated", by: "town1");

        Assert.Equal(app.Demo.Unit("village1"), registered.GetProperty("orgUnitId").GetInt64());
        Assert.Equal("***", registered.GetProperty("changes").GetProperty("IdNumberCipher").GetString());
        Assert.Equal("***", edited.GetProperty("changes").GetProperty("Phone").GetProperty("new").GetString());
        Assert.Equal("理发", edited.GetProperty("changes").GetProperty("Skills").GetProperty("new").GetString());
    }

    [DatabaseFact]
    public async Task AccountWrites_AreAudited_WithoutThePasswordHash()
    {
        var created = (await app.As("village1").PostAsync("/api/v1/accounts", new { login = TestData.Login("audited"), password = TestData.StrongPassword, displayName = "审计账号", role = "Resident", orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);
        (await app.As("village1").PostAsync($"/api/v1/accounts/{created.Id}/deactivate")).Expect(HttpStatusCode.OK);

        var creation = await SingleEntryAsync("AppUser", created.Id, "Created", by: "village1");
        var deactivation = await SingleEntryAsync("AppUser", created.Id, "Updated", by: "village1");

        Assert.Equal("***", creation.GetProperty("changes").GetProperty("PasswordHash").GetString());
        Assert.False(deactivation.GetProperty("changes").GetProperty("IsActive").GetProperty("new").GetBoolean());
        Assert.Equal(AppFixture.ClientAddress, deactivation.GetProperty("ipAddress").GetString());
    }

    [DatabaseFact]
    public async Task StationAdmin_SeesOnlyTheEntriesOfItsOwnSubtree()
    {
        var inVillage1 = (await app.As("village1").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("village1"), level = "Point", name = TestData.Name("一村点") })).Expect(HttpStatusCode.Created);
        var inVillage2 = (await app.As("village2").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("village2"), level = "Point", name = TestData.Name("二村点") })).Expect(HttpStatusCode.Created);

        var own = (await app.As("village2").GetAsync($"/api/v1/audit-entries?entityType=OrgUnit&entityId={inVillage2.Id}")).Expect(HttpStatusCode.OK);
        var other = (await app.As("village2").GetAsync($"/api/v1/audit-entries?entityType=OrgUnit&entityId={inVillage1.Id}")).Expect(HttpStatusCode.OK);

        Assert.NotEqual(0, own.Total);
        Assert.Equal(0, other.Total);
        var village2Units = (await DemoMap.AllItemsAsync(app.As("village2"), "/api/v1/org-units?")).Select(u => u.GetProperty("id").GetInt64()).ToHashSet();
        var seen = await DemoMap.AllItemsAsync(app.As("village2"), "/api/v1/audit-entries?");
        Assert.All(seen, e => Assert.Contains(e.GetProperty("orgUnitId").GetInt64(), village2Units));
        Assert.Contains(seen, e => e.GetProperty("login").GetString() == "village2");
    }

    [DatabaseFact]
    public async Task FailedWrites_LeaveNoAuditEntry()
    {
        var before = (await app.Admin.GetAsync("/api/v1/audit-entries?pageSize=1")).Expect(HttpStatusCode.OK).Total;

        (await app.As("village1").PostAsync("/api/v1/people", new { name = "错号", idNumber = "110105199005170020", phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.BadRequest);
        (await app.As("village1").PostAsync("/api/v1/org-units", new { parentId = app.Demo.Unit("village2"), level = "Point", name = "越界点" })).Expect(HttpStatusCode.NotFound);

        Assert.Equal(before, (await app.Admin.GetAsync("/api/v1/audit-entries?pageSize=1")).Expect(HttpStatusCode.OK).Total);
    }

    private async Task<JsonElement> SingleEntryAsync(string entityType, long entityId, string action, string? by = null)
    {
        var entries = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType={entityType}&entityId={entityId}&pageSize=100")).Expect(HttpStatusCode.OK);
        var matching = entries.Items.Where(e => e.GetProperty("action").GetString() == action && (by is null || e.GetProperty("login").GetString() == by)).ToList();
        Assert.True(matching.Count >= 1, $"No {action} entry for {entityType} {entityId}{(by is null ? "" : " by " + by)}: {entries.Body}");
        return matching[0];
    }
}
