using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>The service loop (DESIGN §5) over HTTP: every path, the transition table, pool races, rating once, records once.</summary>
public sealed class OrderTests(AppFixture app) : IClassFixture<AppFixture>
{
    private readonly OrderTestKit _kit = new(app);

    /// <summary>The API actions a person can take, with a valid body, and who takes them in the walk.</summary>
    private static readonly (string Action, string By)[] Actions =
    [
        ("dispatch", "village1"), ("reassign", "village1"), ("escalate", "village1"), ("reject", "village1"),
        ("claim", "leader1"), ("accept", "leader1"), ("decline", "leader1"), ("complete", "leader1"),
        ("withdraw", "resident1"), ("rate", "resident1"),
    ];

    // Which (state, action) pairs the table allows: everything else must answer 409 order.invalid_transition.
    private static readonly HashSet<(string, string)> Allowed =
    [
        ("Submitted", "dispatch"), ("Submitted", "withdraw"), ("Submitted", "reject"), ("Submitted", "escalate"),
        ("Dispatched", "claim"), ("Dispatched", "accept"), ("Dispatched", "decline"), ("Dispatched", "withdraw"), ("Dispatched", "reject"),
        ("Dispatched", "reassign"), ("Dispatched", "escalate"),
        ("Accepted", "complete"), ("Accepted", "reassign"),
        ("Completed", "rate"),
    ];

    private async Task<object> BodyAsync(string action)
    {
        var (team, leader) = await _kit.DemoTeamAsync();
        return action switch
        {
            "dispatch" or "reassign" => new { teamId = team },
            "reject" or "decline" => new { reason = "人手不足，请改派" },
            "accept" => new { dueAt = DateTimeOffset.UtcNow.AddDays(3) },
            "complete" => new { summary = "已上门完成服务", servedBy = new[] { new { volunteerId = leader, hours = 1.5m } } },
            "rate" => new { stars = 4, comment = "满意" },
            _ => new { },
        };
    }

    /// <summary>An order of resident1 at village1 brought to the state through the API.</summary>
    private async Task<long> InStateAsync(string state)
    {
        var id = await _kit.SubmittedAsync();
        async Task Step(string action, string by) =>
            (await app.As(by).PostAsync($"/api/v1/orders/{id}/{action}", await BodyAsync(action))).Expect(HttpStatusCode.OK);
        switch (state)
        {
            case "Submitted":
                break;
            case "Withdrawn":
                await Step("withdraw", "resident1");
                break;
            case "Rejected":
                await Step("reject", "village1");
                break;
            default:
                await Step("dispatch", "village1");
                if (state == "Dispatched")
                {
                    break;
                }

                await Step("accept", "leader1");
                if (state == "Accepted")
                {
                    break;
                }

                await Step("complete", "leader1");
                if (state == "Rated")
                {
                    await Step("rate", "resident1");
                }

                break;
        }

        Assert.Equal(state, await _kit.StatusAsync(id));
        return id;
    }

    [DatabaseFact]
    public async Task EveryRefusedStateActionPair_Answers409InvalidTransition_AndChangesNothing()
    {
        foreach (var state in new[] { "Submitted", "Dispatched", "Accepted", "Completed", "Rated", "Withdrawn", "Rejected" })
        {
            var id = await InStateAsync(state);
            foreach (var (action, by) in Actions)
            {
                if (Allowed.Contains((state, action)))
                {
                    continue;
                }

                var before = (await _kit.GetAsync(id)).Expect(HttpStatusCode.OK).Body;
                var answer = await app.As(by).PostAsync($"/api/v1/orders/{id}/{action}", await BodyAsync(action));
                answer.ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition");
                Assert.Contains("状态", answer.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.Equal(before, (await _kit.GetAsync(id)).Expect(HttpStatusCode.OK).Body);
            }
        }
    }

    [DatabaseFact]
    public async Task HappyPath_OrderDispatchAcceptCompleteRate_RecordsServiceOnce_AndKeepsTheHistory()
    {
        var team = await _kit.TeamAsync("village1");
        var created = (await _kit.SubmitAsync()).Expect(HttpStatusCode.Created);
        Assert.Equal("Submitted", created.Text("status"));
        Assert.Equal("待派单", created.Text("statusLabel"));
        var id = created.Id;

        var board = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/orders/board?");
        var onBoard = board.Single(o => o.GetProperty("id").GetInt64() == id);
        Assert.Equal("Blue", onBoard.GetProperty("light").GetString());
        Assert.Equal("蓝灯", onBoard.GetProperty("lightLabel").GetString());

        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = team.Id })).Expect(HttpStatusCode.OK);
        var inbox = await DemoMap.AllItemsAsync(_kit.Leader(team), "/api/v1/orders/inbox?");
        Assert.Contains(inbox, o => o.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain(await DemoMap.AllItemsAsync(app.As("leader1"), "/api/v1/orders/inbox?"), o => o.GetProperty("id").GetInt64() == id);

        var due = DateTimeOffset.UtcNow.AddDays(2);
        var accepted = (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/accept", new { dueAt = due })).Expect(HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.Text("status"));
        Assert.Equal(due.ToUnixTimeSeconds(), accepted.Json.GetProperty("dueAt").GetDateTimeOffset().ToUnixTimeSeconds());

        var complete = new { summary = "上门理发两人次", servedBy = new[] { new { volunteerId = team.LeaderVolunteerId, hours = 2m }, new { volunteerId = team.OtherMemberId, hours = 1.5m } } };
        var completed = (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/complete", complete)).Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", completed.Text("status"));
        Assert.Equal("Green", completed.Text("light"));
        (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/complete", complete)).ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition");
        var leaderRecords = await _kit.RecordsFromAsync(team.LeaderVolunteerId, id);
        var otherRecords = await _kit.RecordsFromAsync(team.OtherMemberId, id);
        Assert.Single(leaderRecords);
        Assert.Single(otherRecords);
        Assert.Equal(2m, leaderRecords[0].GetProperty("hours").GetDecimal());
        Assert.Equal(1.5m, otherRecords[0].GetProperty("hours").GetDecimal());

        (await app.As("resident2").PostAsync($"/api/v1/orders/{id}/rate", new { stars = 5 })).ExpectProblem(HttpStatusCode.NotFound, "order.not_found");
        (await app.As("resident1").PostAsync($"/api/v1/orders/{id}/rate", new { stars = 6 })).ExpectProblem(HttpStatusCode.BadRequest, "order.stars_invalid");
        var rated = (await app.As("resident1").PostAsync($"/api/v1/orders/{id}/rate", new { stars = 5, comment = "理得很好" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Rated", rated.Text("status"));
        Assert.Equal(5, rated.Json.GetProperty("stars").GetInt32());
        (await app.As("resident1").PostAsync($"/api/v1/orders/{id}/rate", new { stars = 1 })).ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition");

        var final = (await _kit.GetAsync(id, "resident1")).Expect(HttpStatusCode.OK);
        Assert.Equal(5, final.Json.GetProperty("stars").GetInt32());
        var history = OrderTestKit.History(final);
        Assert.Equal(["Submitted", "Dispatched", "Accepted", "Completed", "Rated"], history.Select(h => h.GetProperty("to").GetString()));
        Assert.Equal(JsonNull, history[0].GetProperty("from").ValueKind);
        Assert.Equal("Accepted", history[3].GetProperty("from").GetString());
        Assert.Equal(app.Demo.Account("village1"), history[1].GetProperty("byUserId").GetInt64());
        Assert.Equal("上门理发两人次", history[3].GetProperty("note").GetString());
        Assert.All(history, h => Assert.EndsWith("+08:00", h.GetProperty("at").GetString(), StringComparison.Ordinal));
        // Audited by the platform, each history entry under the order's real id (the first one included).
        var audit = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/audit-entries?entityType=OrderHistory&");
        Assert.Equal(5, audit.Count(e => e.GetProperty("changes").TryGetProperty("OrderId", out var o) && o.GetInt64() == id));
        // The resident is told at each step that concerns them.
        var notices = await DemoMap.AllItemsAsync(app.As("resident1"), "/api/v1/notifications?");
        Assert.Contains(notices, n => n.GetProperty("title").GetString() == "您的点单已完成，请评价" && n.GetProperty("link").GetString() == $"/orders/{id}");
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [DatabaseFact]
    public async Task Decline_NeedsAReason_AndSendsTheOrderBackToDispatch()
    {
        var team = await _kit.TeamAsync("village1");
        var id = await _kit.SubmittedAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = team.Id })).Expect(HttpStatusCode.OK);
        var before = (await _kit.GetAsync(id)).Body;

        var bad = (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/decline", new { reason = " " })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Equal(["请填写理由。"], bad.FieldErrors("reason"));
        Assert.Equal(before, (await _kit.GetAsync(id)).Body);

        var declined = (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/decline", new { reason = "本周队员都在外出培训" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", declined.Text("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, declined.Json.GetProperty("teamId").ValueKind);
        var seen = (await _kit.GetAsync(id, "village1")).Expect(HttpStatusCode.OK);
        Assert.Contains("本周队员都在外出培训", OrderTestKit.History(seen)[^1].GetProperty("note").GetString(), StringComparison.Ordinal);
        // Back on the board, and out of the team's inbox.
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/orders/board?status=Submitted&"), o => o.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain(await DemoMap.AllItemsAsync(_kit.Leader(team), "/api/v1/orders/inbox?"), o => o.GetProperty("id").GetInt64() == id);
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/notifications?"), n => n.GetProperty("title").GetString() == "点单被谢绝，请重新派单");
    }

    [DatabaseFact]
    public async Task Reject_NeedsAReason_WhichOnlyTheRequesterSees()
    {
        var id = await _kit.SubmittedAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/reject", new { })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Equal("Submitted", await _kit.StatusAsync(id));

        const string reason = "不属于志愿服务范围，建议联系村调解委员会";
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/reject", new { reason })).Expect(HttpStatusCode.OK);

        var mine = (await _kit.GetAsync(id, "resident1")).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", mine.Text("status"));
        Assert.Equal(reason, mine.Text("rejectReason"));
        Assert.Equal(reason, OrderTestKit.History(mine)[^1].GetProperty("note").GetString());
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("resident1"), "/api/v1/orders/mine?"), o => o.GetProperty("id").GetInt64() == id && o.GetProperty("rejectReason").GetString() == reason);
        foreach (var other in new[] { "village1", "center", "supervisor1" })
        {
            var seen = (await _kit.GetAsync(id, other)).Expect(HttpStatusCode.OK);
            Assert.Equal("Rejected", seen.Text("status"));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.Json.GetProperty("rejectReason").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, OrderTestKit.History(seen)[^1].GetProperty("note").ValueKind);
            Assert.DoesNotContain(reason, seen.Body, StringComparison.Ordinal);
        }
    }

    [DatabaseFact]
    public async Task Withdraw_ByTheRequesterOnly_UntilAccepted()
    {
        var id = await _kit.SubmittedAsync();
        (await app.As("resident2").PostAsync($"/api/v1/orders/{id}/withdraw")).ExpectProblem(HttpStatusCode.NotFound, "order.not_found");
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/withdraw")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        Assert.Equal("Withdrawn", (await app.As("resident1").PostAsync($"/api/v1/orders/{id}/withdraw")).Expect(HttpStatusCode.OK).Text("status"));

        var dispatched = await InStateAsync("Dispatched");
        Assert.Equal("Withdrawn", (await app.As("resident1").PostAsync($"/api/v1/orders/{dispatched}/withdraw")).Expect(HttpStatusCode.OK).Text("status"));

        var accepted = await InStateAsync("Accepted");
        (await app.As("resident1").PostAsync($"/api/v1/orders/{accepted}/withdraw")).ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition");
        Assert.Equal("Accepted", await _kit.StatusAsync(accepted));
    }

    [DatabaseFact]
    public async Task Escalate_PassesTheOrderToTheParentUnitsDispatchers()
    {
        var id = await _kit.SubmittedAsync();
        var escalated = (await app.As("village1").PostAsync($"/api/v1/orders/{id}/escalate")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", escalated.Text("status"));
        Assert.Equal(app.Demo.Unit("township1"), escalated.Number("handlingUnitId"));
        Assert.Equal(app.Demo.Unit("village1"), escalated.Number("orgUnitId"));

        // The station still follows it but no longer dispatches it; the township does.
        var village1Team = await _kit.TeamAsync("village1");
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = village1Team.Id })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/notifications?"), n => n.GetProperty("title").GetString() == "下级上报了一条点单");
        var townshipTeam = await _kit.TeamAsync("township1");
        (await app.As("town1").PostAsync($"/api/v1/orders/{id}/dispatch", new { mode = "Pool" })).Expect(HttpStatusCode.OK);
        var claimed = (await _kit.Leader(townshipTeam).PostAsync($"/api/v1/orders/{id}/claim")).Expect(HttpStatusCode.OK);
        Assert.Equal("Accepted", claimed.Text("status"));
        Assert.Equal(townshipTeam.Id, claimed.Number("teamId"));

        // Up to the county, and no further.
        var other = await _kit.SubmittedAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{other}/escalate")).Expect(HttpStatusCode.OK);
        (await app.As("town1").PostAsync($"/api/v1/orders/{other}/escalate")).Expect(HttpStatusCode.OK);
        (await app.As("center").PostAsync($"/api/v1/orders/{other}/escalate")).ExpectProblem(HttpStatusCode.Conflict, "order.no_parent");
    }

    [DatabaseFact]
    public async Task ManyTeamsClaimingOnePoolOrderAtOnce_ExactlyOneWins()
    {
        var teams = new List<TestTeam>();
        foreach (var _ in Enumerable.Range(0, 8))
        {
            teams.Add(await _kit.TeamAsync("village1-sibling"));
        }

        var person = (await app.Admin.PostAsync("/api/v1/people", new { name = "抢单测试", idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1-sibling") }))
            .Expect(HttpStatusCode.Created).Id;
        var id = await _kit.SubmittedAsync("town1", "village1-sibling", forPerson: person);
        (await app.As("town1").PostAsync($"/api/v1/orders/{id}/dispatch", new { mode = "Pool" })).Expect(HttpStatusCode.OK);
        // Warm the tokens first, so that the claims really start together.
        foreach (var team in teams)
        {
            await app.TokenAsync(team.LeaderLogin, TestData.StrongPassword);
        }

        var answers = await Task.WhenAll(teams.Select(t => _kit.Leader(t).PostAsync($"/api/v1/orders/{id}/claim")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition"));
        var winner = answers.Single(a => a.Status == HttpStatusCode.OK).Number("teamId");
        var order = (await _kit.GetAsync(id)).Expect(HttpStatusCode.OK);
        Assert.Equal("Accepted", order.Text("status"));
        Assert.Equal(winner, order.Number("teamId"));
        Assert.Single(OrderTestKit.History(order), h => h.GetProperty("action").GetString() == "Claim");
    }

    [DatabaseFact]
    public async Task OnBehalf_IsRecordedAsSuch_AndTheResidentSeesIt()
    {
        var person = app.Demo.Person("village1-other");
        var created = (await _kit.SubmitAsync("village1", forPerson: person)).Expect(HttpStatusCode.Created);
        Assert.True(created.Json.GetProperty("onBehalf").GetBoolean());
        Assert.Equal(person, created.Number("requesterPersonId"));
        Assert.Equal(app.Demo.Account("village1"), created.Number("submittedByUserId"));
        (await _kit.SubmitAsync("village1", forPerson: app.Demo.Person("village2"))).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
        // A resident orders only for themselves, where they live.
        (await _kit.SubmitAsync("resident1", forPerson: person)).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await _kit.SubmitAsync("resident1", "village2")).ExpectProblem(HttpStatusCode.BadRequest, "order.unit_not_allowed");
    }

    [DatabaseFact]
    public async Task BadInput_Answers400WithChineseFieldMessages_AndCreatesNothing()
    {
        var before = (await app.As("resident1").GetAsync("/api/v1/orders/mine")).Expect(HttpStatusCode.OK).Total;
        var bad = (await app.As("resident1").PostAsync("/api/v1/orders", new { description = "", orgUnitId = app.Demo.Unit("village1"), contactPhone = "12345" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(["请填写需求描述。"], bad.FieldErrors("description"));
        Assert.Contains("联系电话格式不正确", bad.FieldErrors("contactPhone")[0], StringComparison.Ordinal);
        (await app.As("resident1").PostAsync("/api/v1/orders", new { description = "理发", orgUnitId = app.Demo.Unit("village1"), contactPhone = "0571-88886666", serviceItemId = 999_999 }))
            .ExpectProblem(HttpStatusCode.BadRequest, "order.item_not_offered");
        Assert.Equal(before, (await app.As("resident1").GetAsync("/api/v1/orders/mine")).Expect(HttpStatusCode.OK).Total);

        var team = await _kit.TeamAsync("village1");
        var id = await _kit.SubmittedAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = team.Id })).Expect(HttpStatusCode.OK);
        (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/accept", new { dueAt = DateTimeOffset.UtcNow.AddHours(-1) })).ExpectProblem(HttpStatusCode.BadRequest, "order.due_in_past");
        (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/accept")).Expect(HttpStatusCode.OK);
        var outsider = await _kit.ApprovedVolunteerAsync("village1");
        var notMember = (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/complete", new { summary = "完成", servedBy = new[] { new { volunteerId = outsider, hours = 1m } } }))
            .ExpectProblem(HttpStatusCode.BadRequest, "order.not_a_member");
        Assert.Single(notMember.FieldErrors("servedBy[0].volunteerId"));
        (await _kit.Leader(team).PostAsync($"/api/v1/orders/{id}/complete", new { summary = "完成", servedBy = new[] { new { volunteerId = team.OtherMemberId, hours = 25m } } }))
            .ExpectProblem(HttpStatusCode.BadRequest, "order.hours_invalid");
        Assert.Equal("Accepted", await _kit.StatusAsync(id));
        Assert.Empty(await _kit.RecordsFromAsync(team.OtherMemberId, id));
    }

    [DatabaseFact]
    public async Task Catalog_PerLevel_ResidentsSeeTheirPathNearestFirst_AndOrderingAnItemSendsItToItsUnit()
    {
        var county = (await app.As("center").PostAsync("/api/v1/service-items", new { orgUnitId = app.Demo.Unit("county"), name = TestData.Name("法律咨询"), category = "Legal" }))
            .Expect(HttpStatusCode.Created);
        var team = await _kit.TeamAsync("village1");
        var village = (await app.As("village1").PostAsync("/api/v1/service-items", new { orgUnitId = app.Demo.Unit("village1"), name = TestData.Name("理发"), category = "Convenience", teamIds = new[] { team.Id } }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal("便民服务", village.Text("categoryLabel"));
        var elsewhere = (await app.As("village2").PostAsync("/api/v1/service-items", new { orgUnitId = app.Demo.Unit("village2"), name = TestData.Name("代购"), category = "Convenience" }))
            .Expect(HttpStatusCode.Created);
        (await app.As("village1").PostAsync("/api/v1/service-items", new { orgUnitId = app.Demo.Unit("village1"), name = "", category = "Convenience" }))
            .ExpectProblem(HttpStatusCode.BadRequest, "validation.failed");

        var seen = (await DemoMap.AllItemsAsync(app.As("resident1"), "/api/v1/service-items?")).Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.True(seen.IndexOf(village.Id) >= 0 && seen.IndexOf(village.Id) < seen.IndexOf(county.Id), string.Join(",", seen));
        Assert.DoesNotContain(elsewhere.Id, seen);

        var ordered = (await _kit.SubmitAsync(itemId: county.Id)).Expect(HttpStatusCode.Created);
        Assert.Equal(app.Demo.Unit("county"), ordered.Number("handlingUnitId"));
        Assert.Equal(county.Text("name"), ordered.Text("serviceItemName"));
        (await _kit.SubmitAsync(itemId: elsewhere.Id)).ExpectProblem(HttpStatusCode.BadRequest, "order.item_not_offered");
        // The station cannot dispatch the county's item; the center can.
        (await app.As("village1").PostAsync($"/api/v1/orders/{ordered.Id}/dispatch", new { teamId = team.Id })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("center").PostAsync($"/api/v1/orders/{ordered.Id}/dispatch", new { teamId = team.Id })).Expect(HttpStatusCode.OK);

        // The demand list: free descriptions only.
        var free = await _kit.SubmittedAsync();
        var demands = await DemoMap.AllItemsAsync(app.As("village1"), "/api/v1/orders/board?demands=true&");
        Assert.Contains(demands, o => o.GetProperty("id").GetInt64() == free);
        Assert.All(demands, o => Assert.Equal(System.Text.Json.JsonValueKind.Null, o.GetProperty("serviceItemId").ValueKind));
    }

    [DatabaseFact]
    public async Task Reassign_MovesTheOrderToAnotherTeam_WhichMustAcceptAgain()
    {
        var first = await _kit.TeamAsync("village1");
        var second = await _kit.TeamAsync("village1");
        var id = await _kit.SubmittedAsync();
        (await app.As("village1").PostAsync($"/api/v1/orders/{id}/dispatch", new { teamId = first.Id })).Expect(HttpStatusCode.OK);
        (await _kit.Leader(first).PostAsync($"/api/v1/orders/{id}/accept")).Expect(HttpStatusCode.OK);

        var moved = (await app.As("village1").PostAsync($"/api/v1/orders/{id}/reassign", new { teamId = second.Id })).Expect(HttpStatusCode.OK);
        Assert.Equal("Dispatched", moved.Text("status"));
        Assert.Equal(second.Id, moved.Number("teamId"));
        (await _kit.Leader(first).PostAsync($"/api/v1/orders/{id}/complete", new { summary = "完成", servedBy = new[] { new { volunteerId = first.OtherMemberId, hours = 1m } } }))
            .ExpectProblem(HttpStatusCode.Conflict, "order.invalid_transition");
        Assert.Equal("Accepted", (await _kit.Leader(second).PostAsync($"/api/v1/orders/{id}/accept")).Expect(HttpStatusCode.OK).Text("status"));
    }
}
