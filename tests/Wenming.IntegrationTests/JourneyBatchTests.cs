using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>Issue 11: admins handle many rows at once — 全部确认 an activity's service records, 批量通过 volunteers — after one question with the count.</summary>
public sealed partial class JourneyTests
{
    [DatabaseFact]
    public async Task ConfirmAll_OfAnActivitysRecords_AsksWithTheCount_ThenConfirmsThemAll()
    {
        // The demo's activity finished three days ago left one pending record per attendee.
        var pending = await DemoMap.AllItemsAsync(app.Admin, "/api/v1/service-records?status=Pending&");
        var activity = pending.First(r => r.GetProperty("source").GetProperty("kind").GetString() == "Activity").GetProperty("source").GetProperty("id").GetInt64();
        var count = (await app.As("village1").GetAsync($"/api/v1/service-records?status=Pending&activityId={activity}")).Expect(HttpStatusCode.OK).Total;
        Assert.True(count >= 2, $"expected several pending records of activity {activity}");
        using var browser = await SignInAsync("village1");

        var page = await browser.GetStringAsync($"/service-records?status=Pending&activity={activity}");
        Assert.Contains($"全部确认（{count} 条）", page, StringComparison.Ordinal);
        Assert.Matches("<details class=\"confirm\" data-testid=\"confirm-all\">\\s*<summary", page);
        using var confirmed = await PostFormAsync(browser, $"/service-records?handler=ConfirmAll&status=Pending&activity={activity}", page);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        Assert.Equal(0, (await app.As("village1").GetAsync($"/api/v1/service-records?status=Pending&activityId={activity}")).Expect(HttpStatusCode.OK).Total);
        Assert.Equal(count, (await app.As("village1").GetAsync($"/api/v1/service-records?status=Confirmed&activityId={activity}")).Expect(HttpStatusCode.OK).Total);
        Assert.Contains($"已确认 {count} 条服务记录", await browser.GetStringAsync(confirmed.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task ConfirmBatch_ByIds_CountsWhatChanged_AndSkipsWhatWasDecided_AndRefusesAnEmptyAsk()
    {
        var volunteer = await ApprovedVolunteerAsync();
        var records = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            records.Add((await app.As("village1").PostAsync($"/api/v1/volunteers/{volunteer}/service-records", new { date = DateTime.UtcNow.AddDays(-1 - i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), place = "文化礼堂", content = "政策宣讲", hours = 2 }))
                .Expect(HttpStatusCode.Created).Id);
        }

        (await app.As("village1").PostAsync($"/api/v1/service-records/{records[0]}/confirm")).Expect(HttpStatusCode.OK);

        var outcome = (await app.As("village1").PostAsync("/api/v1/service-records/confirm-batch", new { ids = records })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, outcome.Json.GetProperty("done").GetInt32());
        Assert.Equal(1, outcome.Json.GetProperty("skipped").GetInt32());
        var empty = (await app.As("village1").PostAsync("/api/v1/service-records/confirm-batch", new { ids = Array.Empty<long>() })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["请指定活动或要确认的服务记录。"], empty.FieldErrors("ids"));
        (await app.As("resident1").PostAsync("/api/v1/service-records/confirm-batch", new { ids = records })).Expect(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task ApproveAll_OnTheVolunteerList_AsksWithTheCount_AndGivesEachANumber()
    {
        var ids = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var personId = (await app.As("village2").PostAsync("/api/v1/people", new { name = TestData.Name("批量"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village2") }))
                .Expect(HttpStatusCode.Created).Id;
            ids.Add((await app.As("village2").PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id);
        }

        using var browser = await SignInAsync("village2");
        var page = await browser.GetStringAsync("/volunteers?status=Pending");
        var pendingHere = (await app.As("village2").GetAsync("/api/v1/volunteers?status=Pending&pageSize=20")).Expect(HttpStatusCode.OK).Items.Count;
        Assert.Contains($"本页全部通过（{pendingHere} 人）", page, StringComparison.Ordinal);

        using var approved = await browser.PostAsync("/volunteers?handler=ApproveAll&status=Pending", new FormUrlEncodedContent(
            ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value))));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("已审核通过 2 名志愿者", await browser.GetStringAsync(approved.Headers.Location!.OriginalString), StringComparison.Ordinal);
        foreach (var id in ids)
        {
            var v = (await app.As("village2").GetAsync($"/api/v1/volunteers/{id}")).Expect(HttpStatusCode.OK);
            Assert.Equal("Approved", v.Text("status"));
            Assert.False(string.IsNullOrEmpty(v.Text("volunteerNumber")));
        }

        var again = (await app.As("village2").PostAsync("/api/v1/volunteers/approve-batch", new { ids })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, again.Json.GetProperty("done").GetInt32());
        Assert.Equal(2, again.Json.GetProperty("skipped").GetInt32());
    }

    private async Task<long> ApprovedVolunteerAsync()
    {
        var personId = (await app.As("village1").PostAsync("/api/v1/people", new { name = TestData.Name("时长"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var id = (await app.As("village1").PostAsync("/api/v1/volunteers", new { personId })).Expect(HttpStatusCode.Created).Id;
        (await app.As("village1").PostAsync($"/api/v1/volunteers/{id}/approve")).Expect(HttpStatusCode.OK);
        return id;
    }
}

/// <summary>Issue 11: who ordered — in full for the station, masked for the team that serves.</summary>
public sealed partial class JourneyTests
{
    [DatabaseFact]
    public async Task TheOrderPageAndTheBoard_NameWhoOrdered_InFullForTheStation()
    {
        var kit = new OrderTestKit(app);
        var order = await kit.SubmittedAsync();
        var requester = (await app.As("village1").GetAsync($"/api/v1/orders/{order}")).Expect(HttpStatusCode.OK).Number("requesterPersonId");
        var name = (await app.Admin.GetAsync($"/api/v1/people/{requester}")).Expect(HttpStatusCode.OK).Text("name");
        using var station = await SignInAsync("village1");

        Assert.Matches($"data-testid=\"requester\">{System.Text.RegularExpressions.Regex.Escape(name)}", await station.GetStringAsync($"/orders/{order}"));
        // The board lists the most urgent first; whichever rows it shows name their requester in full.
        Assert.Matches("data-testid=\"requester-\\d+\">点单人：[^*—<]+</div>", await station.GetStringAsync("/orders/board"));

        using var supervisor = await SignInAsync("supervisor1");
        var masked = name[..1] + new string('*', name.Length - 1);
        Assert.Matches($"data-testid=\"requester\">{System.Text.RegularExpressions.Regex.Escape(masked)}", await supervisor.GetStringAsync($"/orders/{order}"));
    }
}
