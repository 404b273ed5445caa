using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>Service records (DESIGN §4, RULES.md Volunteers): recording, confirmation, reversal, totals and stars, scope.</summary>
public sealed class ServiceRecordTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8));

    private static int _day;

    private static DateOnly Aged(int years) => Today.AddYears(-years).AddDays(-1 - (Interlocked.Increment(ref _day) % 300));

    private async Task<(long VolunteerId, long PersonId)> VolunteerAsync(string unitKey = "village1")
    {
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name = TestData.Name("时长"), idNumber = TestData.IdNumber(Aged(35)), phone = TestData.Phone(), orgUnitId = app.Demo.Unit(unitKey) }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.Admin.PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.Admin.PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return (id, personId);
    }

    private static object Hours(decimal hours, DateOnly? date = null) =>
        new { date = (date ?? Today.AddDays(-1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), place = "桃花村文化礼堂", content = "政策宣讲", hours };

    private async Task<long> RecordAsync(long volunteerId, decimal hours, string by = "village1", DateOnly? date = null) =>
        (await app.As(by).PostAsync($"/api/v1/volunteers/{volunteerId}/service-records", Hours(hours, date))).Expect(HttpStatusCode.Created).Id;

    private async Task<long> ConfirmedAsync(long volunteerId, decimal hours, DateOnly? date = null)
    {
        var id = await RecordAsync(volunteerId, hours, date: date);
        (await app.As("village1").PostAsync($"/api/v1/service-records/{id}/confirm")).Expect(HttpStatusCode.OK);
        return id;
    }

    private async Task<(decimal Total, int Stars)> TotalsAsync(long volunteerId, string by = "admin")
    {
        var v = (await app.As(by).GetAsync($"/api/v1/volunteers/{volunteerId}")).Expect(HttpStatusCode.OK);
        return (v.Json.GetProperty("totalHours").GetDecimal(), v.Json.GetProperty("stars").GetInt32());
    }

    private async Task<long> OwnVolunteerIdAsync(string login)
    {
        var personId = (await app.As(login).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("personId");
        var all = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/volunteers?status=Approved&");
        return Assert.Single(all, v => v.GetProperty("personId").GetInt64() == personId).GetProperty("id").GetInt64();
    }

    [DatabaseFact]
    public async Task Record_ThenConfirm_CountsTowardsTotalsAndStars()
    {
        var (volunteer, _) = await VolunteerAsync();

        var created = (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(8.5m))).Expect(HttpStatusCode.Created);
        Assert.Equal("Pending", created.Text("status"));
        Assert.Equal(8.5m, created.Json.GetProperty("hours").GetDecimal());
        Assert.Equal("Manual", created.Json.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal((0m, 0), await TotalsAsync(volunteer));

        var confirmed = (await app.As("village1").PostAsync($"/api/v1/service-records/{created.Id}/confirm")).Expect(HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed.Text("status"));
        Assert.NotEqual(JsonValueKind.Null, confirmed.Json.GetProperty("confirmedAt").ValueKind);
        await ConfirmedAsync(volunteer, 23.75m);
        for (var i = 0; i < 3; i++)
        {
            await ConfirmedAsync(volunteer, 24m);
        }

        Assert.Equal((104.25m, 1), await TotalsAsync(volunteer));
        var list = (await app.As("village1").GetAsync($"/api/v1/volunteers/{volunteer}/service-records")).Expect(HttpStatusCode.OK);
        Assert.Equal(5, list.Total);
        Assert.Equal(104.25m, list.Json.GetProperty("totalHours").GetDecimal());
        var item = list.Items[0];
        foreach (var field in new[] { "id", "date", "hours", "content", "source", "confirmedAt", "status", "place", "reversesRecordId", "reversedByRecordId" })
        {
            Assert.True(item.TryGetProperty(field, out _), field);
        }
    }

    [DatabaseFact]
    public async Task Reverse_KeepsTheSumRight_DropsTheStars_AndOnlyOnce()
    {
        var (volunteer, _) = await VolunteerAsync();
        var records = new List<long>();
        foreach (var hours in new[] { 24m, 24m, 24m, 18m, 30m / 2, 15m })
        {
            records.Add(await ConfirmedAsync(volunteer, hours));
        }

        Assert.Equal((120m, 1), await TotalsAsync(volunteer));

        // Reverse 30 h: the two 15 h records.
        var reversal = (await app.As("village1").PostAsync($"/api/v1/service-records/{records[4]}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Created);
        Assert.Equal(-15m, reversal.Json.GetProperty("hours").GetDecimal());
        Assert.Equal(records[4], reversal.Number("reversesRecordId"));
        Assert.Equal("重复登记", reversal.Text("reason"));
        Assert.Equal("Confirmed", reversal.Text("status"));
        (await app.As("village1").PostAsync($"/api/v1/service-records/{records[5]}/reverse", new { reason = "时长有误" })).Expect(HttpStatusCode.Created);
        Assert.Equal((90m, 0), await TotalsAsync(volunteer));

        (await app.As("village1").PostAsync($"/api/v1/service-records/{records[4]}/reverse", new { reason = "再次" }))
            .ExpectProblem(HttpStatusCode.Conflict, "service_record.already_reversed");
        (await app.As("village1").PostAsync($"/api/v1/service-records/{reversal.Id}/reverse", new { reason = "冲正的冲正" }))
            .ExpectProblem(HttpStatusCode.Conflict, "service_record.not_reversible");
        var pending = await RecordAsync(volunteer, 2m);
        (await app.As("village1").PostAsync($"/api/v1/service-records/{pending}/reverse", new { reason = "未确认" }))
            .ExpectProblem(HttpStatusCode.Conflict, "service_record.not_reversible");
        (await app.As("village1").PostAsync($"/api/v1/service-records/{records[0]}/reverse", new { reason = " " }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.required");

        // The original is unchanged and points at its reversal.
        var list = await DemoMap.AllItemsAsync(app.Admin, $"/api/v1/volunteers/{volunteer}/service-records?");
        var original = Assert.Single(list, r => r.GetProperty("id").GetInt64() == records[4]);
        Assert.Equal(15m, original.GetProperty("hours").GetDecimal());
        Assert.Equal(reversal.Id, original.GetProperty("reversedByRecordId").GetInt64());
    }

    [DatabaseFact]
    public async Task ConfirmedRecord_CannotBeDecidedAgain()
    {
        var (volunteer, _) = await VolunteerAsync();
        var id = await ConfirmedAsync(volunteer, 3m);

        (await app.As("village1").PostAsync($"/api/v1/service-records/{id}/confirm")).ExpectProblem(HttpStatusCode.Conflict, "service_record.not_pending");
        (await app.As("village1").PostAsync($"/api/v1/service-records/{id}/reject", new { reason = "改主意" })).ExpectProblem(HttpStatusCode.Conflict, "service_record.not_pending");
        // There is no edit endpoint at all: a confirmed record is immutable by construction.
        Assert.False((await app.As("village1").PutAsync($"/api/v1/service-records/{id}", Hours(5m))).Status is >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous);

        var rejected = await RecordAsync(volunteer, 4m);
        var r = (await app.As("village1").PostAsync($"/api/v1/service-records/{rejected}/reject", new { reason = "无签到记录" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", r.Text("status"));
        (await app.As("village1").PostAsync($"/api/v1/service-records/{rejected}/confirm")).ExpectProblem(HttpStatusCode.Conflict, "service_record.not_pending");
        Assert.Equal((3m, 0), await TotalsAsync(volunteer));
    }

    [DatabaseFact]
    public async Task Volunteer_LogsOwnHours_Pending_NotCountedUntilConfirmed_AndCannotConfirmThemselves()
    {
        var volunteer = await OwnVolunteerIdAsync("volunteer2");
        var before = await TotalsAsync(volunteer, "volunteer2");

        var logged = (await app.As("volunteer2").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(2m))).Expect(HttpStatusCode.Created);
        Assert.Equal("Pending", logged.Text("status"));
        Assert.Equal(before, await TotalsAsync(volunteer, "volunteer2"));
        (await app.As("volunteer2").PostAsync($"/api/v1/service-records/{logged.Id}/confirm")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        var mine = (await app.As("volunteer2").GetAsync($"/api/v1/volunteers/{volunteer}/service-records")).Expect(HttpStatusCode.OK);
        Assert.Contains(mine.Items, r => r.GetProperty("id").GetInt64() == logged.Id);

        // Someone else's record: not for this volunteer to log.
        var other = await OwnVolunteerIdAsync("volunteer3");
        (await app.As("volunteer2").PostAsync($"/api/v1/volunteers/{other}/service-records", Hours(2m))).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("supervisor1").PostAsync($"/api/v1/volunteers/{other}/service-records", Hours(2m))).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        (await app.As("village1").PostAsync($"/api/v1/service-records/{logged.Id}/confirm")).Expect(HttpStatusCode.OK);
        Assert.Equal(before.Total + 2m, (await TotalsAsync(volunteer, "volunteer2")).Total);
    }

    [DatabaseFact]
    public async Task AnAdmin_CannotConfirmTheirOwnService()
    {
        var (volunteer, personId) = await VolunteerAsync();
        var login = TestData.Login("srself");
        (await app.Admin.PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "站长本人", role = "StationAdmin", orgUnitId = app.Demo.Unit("village1"), personId }))
            .Expect(HttpStatusCode.Created);

        var own = (await app.As(login, TestData.StrongPassword).PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(3m))).Expect(HttpStatusCode.Created).Id;

        var refused = await app.As(login, TestData.StrongPassword).PostAsync($"/api/v1/service-records/{own}/confirm");
        refused.ExpectProblem(HttpStatusCode.Forbidden, "service_record.self_confirm");
        Assert.Equal(Text.Get("service_record.self_confirm"), refused.Text("detail"));
        (await app.As("village1").PostAsync($"/api/v1/service-records/{own}/confirm")).Expect(HttpStatusCode.OK);
        (await app.As(login, TestData.StrongPassword).PostAsync($"/api/v1/service-records/{own}/reverse", new { reason = "自改" })).ExpectProblem(HttpStatusCode.Forbidden, "service_record.self_confirm");
    }

    [DatabaseFact]
    public async Task Scope_OtherVillageAdminGetsNotFound_AndResidentsAreForbidden()
    {
        var (volunteer, _) = await VolunteerAsync();
        var id = await RecordAsync(volunteer, 2m);

        (await app.As("village2").PostAsync($"/api/v1/service-records/{id}/confirm")).ExpectProblem(HttpStatusCode.NotFound, "service_record.not_found");
        (await app.As("village2").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(1m))).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("village2").GetAsync($"/api/v1/volunteers/{volunteer}/service-records")).ExpectProblem(HttpStatusCode.NotFound, "volunteer.not_found");
        (await app.As("resident1").PostAsync($"/api/v1/service-records/{id}/confirm")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("resident1").GetAsync("/api/v1/service-records")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("supervisor1").PostAsync($"/api/v1/service-records/{id}/confirm")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("town1").PostAsync($"/api/v1/service-records/{id}/confirm")).Expect(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Leader_RecordsForTheirTeamMember()
    {
        var member = await OwnVolunteerIdAsync("volunteer4");
        var created = (await app.As("leader1").PostAsync($"/api/v1/volunteers/{member}/service-records", Hours(1.5m))).Expect(HttpStatusCode.Created);
        Assert.Equal("Pending", created.Text("status"));
    }

    [DatabaseFact]
    public async Task Hours_AreValidated_InChinese()
    {
        var (volunteer, _) = await VolunteerAsync();

        foreach (var hours in new[] { 0m, -1m, 24.01m, 25m })
        {
            var refused = await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(hours));
            refused.ExpectProblem(HttpStatusCode.BadRequest, "service_record.hours_invalid");
            Assert.Equal(Text.Get("service_record.hours_invalid"), Assert.Single(refused.FieldErrors("hours")));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", refused.FieldErrors("hours")[0]);
        }

        (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(2m, Today.AddDays(2))))
            .ExpectProblem(HttpStatusCode.BadRequest, "service_record.date_in_future");
        (await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", new { date = "2026-01-05", place = "", content = "宣讲", hours = 2 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        await RecordAsync(volunteer, 24m);
    }

    [DatabaseFact]
    public async Task Contract_RecordsOncePerSourceAndVolunteer()
    {
        var (volunteer, _) = await VolunteerAsync();
        var date = Today.AddDays(-3);

        long? first, second, otherSource;
        using (var scope = app.Factory.Services.CreateScope())
        {
            using var open = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
            var records = scope.ServiceProvider.GetRequiredService<IServiceRecords>();
            first = await records.RecordAsync(volunteer, ServiceSource.Activity, 900_001, date, "村广场", "文艺演出", 3m, app.Demo.Unit("village1"), CancellationToken.None);
            second = await records.RecordAsync(volunteer, ServiceSource.Activity, 900_001, date, "村广场", "文艺演出", 3m, app.Demo.Unit("village1"), CancellationToken.None);
            otherSource = await records.RecordAsync(volunteer, ServiceSource.Order, 900_001, date, "村广场", "点单服务", 1m, app.Demo.Unit("village1"), CancellationToken.None);
        }

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSource);
        var list = (await app.Admin.GetAsync($"/api/v1/volunteers/{volunteer}/service-records")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, list.Total);
        var activity = Assert.Single(list.Items, r => r.GetProperty("id").GetInt64() == first);
        Assert.Equal("Activity", activity.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal(900_001, activity.GetProperty("source").GetProperty("id").GetInt64());
        Assert.Equal("Pending", activity.GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task Report_FiltersByUnitStatusAndDateRange()
    {
        var (volunteer, _) = await VolunteerAsync("village2");
        var early = new DateOnly(2025, 3, 10);
        var inRange = (await app.As("village2").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(5m, early))).Expect(HttpStatusCode.Created).Id;
        (await app.As("village2").PostAsync($"/api/v1/service-records/{inRange}/confirm")).Expect(HttpStatusCode.OK);
        var outOfRange = (await app.As("village2").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", Hours(7m, early.AddDays(30)))).Expect(HttpStatusCode.Created).Id;
        (await app.As("village2").PostAsync($"/api/v1/service-records/{outOfRange}/confirm")).Expect(HttpStatusCode.OK);

        var unit = app.Demo.Unit("village2");
        var report = (await app.As("town2").GetAsync($"/api/v1/service-records?orgUnitId={unit}&from=2025-03-01&to=2025-03-31&status=Confirmed&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(report.Items, r => r.GetProperty("id").GetInt64() == inRange);
        Assert.DoesNotContain(report.Items, r => r.GetProperty("id").GetInt64() == outOfRange);
        Assert.All(report.Items, r => Assert.InRange(DateOnly.Parse(r.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)));
        Assert.True(report.Json.GetProperty("totalHours").GetDecimal() >= 5m);

        var perVolunteer = (await app.As("village2").GetAsync($"/api/v1/volunteers/{volunteer}/service-records?from=2025-04-01&to=2025-04-30")).Expect(HttpStatusCode.OK);
        Assert.Equal(outOfRange, Assert.Single(perVolunteer.Items).GetProperty("id").GetInt64());
        Assert.Equal(7m, perVolunteer.Json.GetProperty("totalHours").GetDecimal());

        var village1 = (await app.As("village1").GetAsync("/api/v1/service-records?from=2025-03-01&to=2025-04-30&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(village1.Items, r => r.GetProperty("id").GetInt64() == inRange);
    }

    [DatabaseFact]
    public async Task Demo_HasAStarVolunteer_AReversal_AndPendingRecords()
    {
        var (total, stars) = await TotalsAsync(await OwnVolunteerIdAsync("volunteer1"), "volunteer1");
        Assert.True(total >= 100m, total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stars >= 1);

        var volunteer2 = await DemoMap.AllItemsAsync(app.As("volunteer2"), $"/api/v1/volunteers/{await OwnVolunteerIdAsync("volunteer2")}/service-records?");
        Assert.Contains(volunteer2, r => r.GetProperty("hours").GetDecimal() < 0 && r.GetProperty("reversesRecordId").ValueKind == JsonValueKind.Number);

        var pending = (await app.As("village1").GetAsync("/api/v1/service-records?status=Pending")).Expect(HttpStatusCode.OK);
        Assert.True(pending.Total >= 2);
    }
}
