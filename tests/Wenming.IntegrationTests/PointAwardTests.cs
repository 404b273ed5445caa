using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// Hand awards and deductions (issue 5, RULES.md Points) over HTTP: a cadre proposes, another person
/// approves, the award is on the public notice list for the county's days and only then the credit job
/// posts it to the ledger — once, however often or concurrently the job runs; deductions stop at zero; the
/// proposer cannot approve; every balance equals the sum of its ledger rows afterwards.
/// </summary>
public sealed class PointAwardTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly byte[] Photo = SampleFiles.Png(24, 16, (x, y) => ((byte)(x * 9), 120, (byte)(y * 14)));

    /// <summary>A fresh villager of village1 with a resident account, so each test owns its balance and inbox.</summary>
    private async Task<(long PersonId, string Login, string Name)> VillagerAsync()
    {
        var name = TestData.Name("积分");
        var personId = (await app.Admin.PostAsync("/api/v1/people", new { name, idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created).Id;
        var login = TestData.Login("awardee");
        (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = name, role = "Resident", orgUnitId = app.Demo.Unit("village1"), personId }))
            .Expect(HttpStatusCode.Created);
        return (personId, login, name);
    }

    private Task<ApiResponse> ProposeAsync(long personId, int points, string? category = null, string by = "village1", string reason = "主动清扫村道积雪，方便老人出行") =>
        app.As(by).PostAsync("/api/v1/points/awards", category is null ? new { personId, points, reason } : new { personId, points, reason, category });

    private async Task<long> ApprovedAsync(long personId, int points, string? category = null)
    {
        var id = (await ProposeAsync(personId, points, category)).Expect(HttpStatusCode.Created).Id;
        (await app.As("town1").PostAsync($"/api/v1/points/awards/{id}/approve")).Expect(HttpStatusCode.OK);
        return id;
    }

    private Task<ApiResponse> GetAsync(long id, string by = "center") => app.As(by).GetAsync($"/api/v1/points/awards/{id}");

    private Task<int> CreditJobAsync(DateTime nowUtc) => Jobs.RunOnceAsync<CreditAwardsJob>(app.Factory.Services, nowUtc, CancellationToken.None);

    /// <summary>After the notice of anything approved now: three days (RULES.md) and a little.</summary>
    private static DateTime AfterNotice => DateTime.UtcNow.AddDays(3).AddMinutes(5);

    private async Task<(int Balance, List<PointTransaction> Rows)> LedgerAsync(long personId)
    {
        using var scope = app.Factory.Services.CreateScope();
        using var all = scope.ServiceProvider.GetRequiredService<OrgScope>().Unrestricted();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var balance = await db.Set<PointAccount>().Where(a => a.PersonId == personId).Select(a => (int?)a.Balance).SingleOrDefaultAsync() ?? 0;
        var rows = await db.Set<PointTransaction>().Where(t => t.PersonId == personId).OrderBy(t => t.Id).ToListAsync();
        return (balance, rows);
    }

    /// <summary>The ledger's invariant on every account (<see cref="Ledger.AssertBooksBalanceAsync"/>); returns this person's balance.</summary>
    private async Task<int> AssertLedgerAsync(long personId)
    {
        await Ledger.AssertBooksBalanceAsync(app);
        return (await LedgerAsync(personId)).Balance;
    }

    private async Task<List<string>> InboxTitlesAsync(string login) =>
        [.. (await app.As(login, TestData.StrongPassword).GetAsync("/api/v1/notifications?pageSize=100")).Expect(HttpStatusCode.OK).Items.Select(n => n.GetProperty("title").GetString()!)];

    private async Task<List<JsonElement>> NoticesAsync(string login, string? password = null) =>
        [.. (await app.As(login, password).GetAsync("/api/v1/points/notices?pageSize=100")).Expect(HttpStatusCode.OK).Items];

    [DatabaseFact]
    public async Task Proposed_approved_by_another_shown_in_notice_then_credited_once_by_the_job()
    {
        var (personId, login, name) = await VillagerAsync();

        var proposed = (await ProposeAsync(personId, 20, "GoodDeed")).Expect(HttpStatusCode.Created);
        Assert.Equal("Proposed", proposed.Text("status"));
        Assert.Equal(20, proposed.Json.GetProperty("points").GetInt32());
        Assert.Equal("好人好事", proposed.Text("categoryLabel"));
        Assert.Equal(app.Demo.Account("village1"), proposed.Number("proposedByUserId"));
        var id = proposed.Id;

        var approved = (await app.As("supervisor1").PostAsync($"/api/v1/points/awards/{id}/approve")).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.Text("status"));
        Assert.Equal(app.Demo.Account("supervisor1"), approved.Number("decidedByUserId"));
        Assert.Equal(app.Demo.Account("village1"), approved.Number("proposedByUserId"));
        var decided = approved.Json.GetProperty("decidedAt").GetDateTimeOffset();
        Assert.Equal(decided.AddDays(3), approved.Json.GetProperty("noticeEndsAt").GetDateTimeOffset());
        Assert.Contains("您的加分已通过审核，正在公示", await InboxTitlesAsync(login));

        // On the public list: a resident of the village sees it with the name masked, the station in full.
        var residentView = Assert.Single(await NoticesAsync("resident1"), n => n.GetProperty("id").GetInt64() == id);
        Assert.Equal(name[..1] + new string('*', name.Length - 1), residentView.GetProperty("personName").GetString());
        Assert.Equal("Approved", residentView.GetProperty("status").GetString());
        Assert.Equal(name, Assert.Single(await NoticesAsync("village1"), n => n.GetProperty("id").GetInt64() == id).GetProperty("personName").GetString());
        // Another village's resident does not see it; another village's admin cannot even open it.
        Assert.DoesNotContain(await NoticesAsync("village2"), n => n.GetProperty("id").GetInt64() == id);
        (await GetAsync(id, "village2")).ExpectProblem(HttpStatusCode.NotFound, "award.not_found");

        // Two days in: the notice still runs, nothing is credited.
        Assert.Equal(0, await CreditJobAsync(DateTime.UtcNow.AddDays(2)));
        Assert.Equal("Approved", (await GetAsync(id)).Expect(HttpStatusCode.OK).Text("status"));
        Assert.Empty((await LedgerAsync(personId)).Rows);

        // After the notice: two nodes run the job at the same moment, and again later; it pays once.
        var at = AfterNotice;
        var rounds = await Task.WhenAll(CreditJobAsync(at), CreditJobAsync(at));
        Assert.True(rounds.Sum() >= 1);
        await CreditJobAsync(at.AddMinutes(1));

        var credited = (await GetAsync(id)).Expect(HttpStatusCode.OK);
        Assert.Equal("Credited", credited.Text("status"));
        Assert.Equal(20, credited.Json.GetProperty("appliedPoints").GetInt32());
        var (balance, rows) = await LedgerAsync(personId);
        var row = Assert.Single(rows);
        Assert.Equal(20, row.Amount);
        Assert.Equal("award:" + id, row.SourceKey);
        Assert.Equal(Wenming.Web.Modules.Points.Contracts.PointKind.Award, row.Kind);
        Assert.Equal(row.Id, credited.Number("transactionId"));
        Assert.Equal(20, balance);
        Assert.Equal(20, await AssertLedgerAsync(personId));
        Assert.Contains("积分已到账", await InboxTitlesAsync(login));
        Assert.Equal("Credited", Assert.Single(await NoticesAsync("resident1"), n => n.GetProperty("id").GetInt64() == id).GetProperty("status").GetString());
    }

    [DatabaseFact]
    public async Task The_proposer_cannot_approve_or_reject_their_own_proposal_and_nothing_changes()
    {
        var (personId, _, _) = await VillagerAsync();
        var id = (await ProposeAsync(personId, 10)).Expect(HttpStatusCode.Created).Id;
        var before = (await GetAsync(id)).Expect(HttpStatusCode.OK).Body;

        var refused = (await app.As("village1").PostAsync($"/api/v1/points/awards/{id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "award.self_approval");
        Assert.Contains("提议人不能审核自己提议的加分、扣分", refused.Text("detail"));
        (await app.As("village1").PostAsync($"/api/v1/points/awards/{id}/reject", new { reason = "重复提议" })).ExpectProblem(HttpStatusCode.Forbidden, "award.self_approval");

        Assert.Equal(before, (await GetAsync(id)).Expect(HttpStatusCode.OK).Body);
        await CreditJobAsync(AfterNotice.AddDays(30));
        Assert.Equal("Proposed", (await GetAsync(id)).Text("status"));
        Assert.Empty((await LedgerAsync(personId)).Rows);
    }

    [DatabaseFact]
    public async Task An_admin_cannot_approve_an_award_for_themselves()
    {
        var (personId, _, _) = await VillagerAsync();
        var login = TestData.Login("cadre");
        (await app.As("village1").PostAsync("/api/v1/accounts", new { login, password = TestData.StrongPassword, displayName = "村干部", role = "StationAdmin", orgUnitId = app.Demo.Unit("village1"), personId }))
            .Expect(HttpStatusCode.Created);
        var id = (await ProposeAsync(personId, 10)).Expect(HttpStatusCode.Created).Id;

        (await app.As(login, TestData.StrongPassword).PostAsync($"/api/v1/points/awards/{id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "award.own_award");
        // Nor propose points for themselves.
        (await app.As(login, TestData.StrongPassword).PostAsync("/api/v1/points/awards", new { personId, points = 5, reason = "自己给自己加分" })).ExpectProblem(HttpStatusCode.Forbidden, "award.own_award");
        Assert.Equal("Proposed", (await GetAsync(id)).Text("status"));
    }

    [DatabaseFact]
    public async Task Rejected_with_a_reason_is_final_and_never_credited()
    {
        var (personId, _, _) = await VillagerAsync();
        var id = (await ProposeAsync(personId, 15, "Bravery")).Expect(HttpStatusCode.Created).Id;

        var noReason = (await app.As("town1").PostAsync($"/api/v1/points/awards/{id}/reject", new { reason = " " })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Equal("请填写理由。", Assert.Single(noReason.FieldErrors("reason")));
        Assert.Equal("Proposed", (await GetAsync(id)).Text("status"));

        var rejected = (await app.As("town1").PostAsync($"/api/v1/points/awards/{id}/reject", new { reason = "事迹不实" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.Text("status"));
        Assert.Equal("事迹不实", rejected.Text("rejectReason"));
        Assert.Equal(app.Demo.Account("town1"), rejected.Number("decidedByUserId"));

        (await app.As("center").PostAsync($"/api/v1/points/awards/{id}/approve")).ExpectProblem(HttpStatusCode.Conflict, "award.invalid_state");
        await CreditJobAsync(AfterNotice);
        Assert.Equal("Rejected", (await GetAsync(id)).Text("status"));
        Assert.Empty((await LedgerAsync(personId)).Rows);
        Assert.DoesNotContain(await NoticesAsync("village1"), n => n.GetProperty("id").GetInt64() == id);
        Assert.Contains((await app.As("center").GetAsync("/api/v1/points/awards?status=Rejected&pageSize=100")).Expect(HttpStatusCode.OK).Items, a => a.GetProperty("id").GetInt64() == id);
    }

    [DatabaseFact]
    public async Task Revoked_during_the_notice_is_never_credited()
    {
        var (personId, login, _) = await VillagerAsync();
        var id = await ApprovedAsync(personId, 12, "FilialPiety");

        (await app.As("supervisor1").PostAsync($"/api/v1/points/awards/{id}/revoke", new { reason = "有异议" })).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        var revoked = (await app.As("village1").PostAsync($"/api/v1/points/awards/{id}/revoke", new { reason = "群众反映事迹有出入，经核实撤销" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Revoked", revoked.Text("status"));
        Assert.Equal(app.Demo.Account("village1"), revoked.Number("revokedByUserId"));
        Assert.Equal("群众反映事迹有出入，经核实撤销", revoked.Text("revokeReason"));
        (await app.As("village1").PostAsync($"/api/v1/points/awards/{id}/revoke", new { reason = "再次撤销" })).ExpectProblem(HttpStatusCode.Conflict, "award.invalid_state");

        await CreditJobAsync(AfterNotice);
        Assert.Equal("Revoked", (await GetAsync(id)).Text("status"));
        Assert.Empty((await LedgerAsync(personId)).Rows);
        Assert.DoesNotContain(await NoticesAsync("resident1"), n => n.GetProperty("id").GetInt64() == id);
        Assert.Contains("公示中的积分已撤销", await InboxTitlesAsync(login));
    }

    [DatabaseFact]
    public async Task A_deduction_takes_at_most_the_balance_which_stays_at_zero()
    {
        var (personId, login, _) = await VillagerAsync();
        await ApprovedAsync(personId, 10, "GoodDeed");
        await CreditJobAsync(AfterNotice);
        Assert.Equal(10, await AssertLedgerAsync(personId));

        var deduction = (await ProposeAsync(personId, -30, "Extravagance", reason: "操办儿子婚宴超过 30 桌，违反红白理事会规定")).Expect(HttpStatusCode.Created);
        Assert.Equal("Deduction", deduction.Text("kind"));
        Assert.Equal("大操大办", deduction.Text("categoryLabel"));
        (await app.As("center").PostAsync($"/api/v1/points/awards/{deduction.Id}/approve")).Expect(HttpStatusCode.OK);
        await CreditJobAsync(AfterNotice);

        var credited = (await GetAsync(deduction.Id)).Expect(HttpStatusCode.OK);
        Assert.Equal("Credited", credited.Text("status"));
        Assert.Equal(-30, credited.Json.GetProperty("points").GetInt32());
        Assert.Equal(-10, credited.Json.GetProperty("appliedPoints").GetInt32());
        Assert.Equal(0, await AssertLedgerAsync(personId));
        var rows = (await LedgerAsync(personId)).Rows;
        Assert.Equal([10, -10], rows.Select(r => r.Amount));
        Assert.Equal(Wenming.Web.Modules.Points.Contracts.PointKind.Deduction, rows[^1].Kind);
        Assert.Contains("积分已扣除", await InboxTitlesAsync(login));

        // The statement names both by what they are, a reviewed award and a reviewed deduction, whatever the
        // category (it used to call every award 好人好事奖励); the category is in the reason.
        var statement = (await app.As("village1").GetAsync($"/api/v1/points/accounts/{personId}/transactions")).Expect(HttpStatusCode.OK);
        Assert.Equal(["评议扣分", "评议加分"], statement.Items.Select(i => i.GetProperty("kindLabel").GetString()));
        Assert.StartsWith("大操大办", statement.Items[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Bad_input_is_refused_with_Chinese_field_messages_and_creates_nothing()
    {
        var (personId, _, _) = await VillagerAsync();
        async Task<int> CountAsync() => (await DemoMap.AllItemsAsync(app.As("center"), "/api/v1/points/awards?")).Count(a => a.GetProperty("personId").GetInt64() == personId);

        foreach (var points in new[] { 51, -51, 0 })
        {
            var refused = (await ProposeAsync(personId, points)).ExpectProblem(HttpStatusCode.BadRequest, "award.points_out_of_range");
            Assert.Equal("分值须在 1 到 50 分之间（扣分为 -1 到 -50）。", Assert.Single(refused.FieldErrors("points")));
        }

        var mismatch = (await ProposeAsync(personId, 5, "Extravagance")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("该类别用于扣分；加分请选择加分类别。", Assert.Single(mismatch.FieldErrors("category")));
        var empty = (await app.As("village1").PostAsync("/api/v1/points/awards", new { points = 5, reason = "" })).ExpectProblem(HttpStatusCode.BadRequest, "validation.required");
        Assert.Equal("请填写对象。", Assert.Single(empty.FieldErrors("personId")));
        Assert.Equal("请填写事由。", Assert.Single(empty.FieldErrors("reason")));
        var tooLong = (await ProposeAsync(personId, 5, reason: new string('好', 201))).ExpectProblem(HttpStatusCode.BadRequest, "validation.too_long");
        Assert.Equal("事由不能超过 200 个字。", Assert.Single(tooLong.FieldErrors("reason")));

        Assert.Equal(0, await CountAsync());
        (await ProposeAsync(personId, 50)).Expect(HttpStatusCode.Created);
        (await ProposeAsync(personId, -50, "Sanitation")).Expect(HttpStatusCode.Created);
        Assert.Equal(2, await CountAsync());
    }

    [DatabaseFact]
    public async Task Scope_and_roles_decide_who_proposes_and_who_sees()
    {
        var (personId, login, _) = await VillagerAsync();

        (await ProposeAsync(app.Demo.Person("village2"), 5)).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
        (await ProposeAsync(app.Demo.Person("county2"), 5, by: "center")).ExpectProblem(HttpStatusCode.NotFound, "person.not_found");
        (await ProposeAsync(personId, 5, by: "resident1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await ProposeAsync(personId, 5, by: "supervisor1")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As("resident1").GetAsync("/api/v1/points/awards")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");

        var id = (await ProposeAsync(personId, 8)).Expect(HttpStatusCode.Created).Id;
        (await app.As("village2").PostAsync($"/api/v1/points/awards/{id}/approve")).ExpectProblem(HttpStatusCode.NotFound, "award.not_found");
        (await app.As("town2").PostAsync($"/api/v1/points/awards/{id}/approve")).ExpectProblem(HttpStatusCode.NotFound, "award.not_found");
        (await app.As("resident1").PostAsync($"/api/v1/points/awards/{id}/approve")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        (await app.As(login, TestData.StrongPassword).GetAsync($"/api/v1/points/awards/{id}")).ExpectProblem(HttpStatusCode.Forbidden, "common.forbidden");
        Assert.Equal("Proposed", (await GetAsync(id)).Text("status"));

        // The township admin sees the village's queue; the other township's admin does not.
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("town1"), "/api/v1/points/awards?status=Proposed&"), a => a.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain(await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/points/awards?"), a => a.GetProperty("id").GetInt64() == id);
        Assert.Contains(await DemoMap.AllItemsAsync(app.As("center"), $"/api/v1/points/awards?orgUnitId={app.Demo.Unit("village1")}&"), a => a.GetProperty("id").GetInt64() == id);
        Assert.DoesNotContain(await DemoMap.AllItemsAsync(app.As("center"), $"/api/v1/points/awards?orgUnitId={app.Demo.Unit("village2")}&"), a => a.GetProperty("id").GetInt64() == id);
    }

    [DatabaseFact]
    public async Task The_same_Idempotency_Key_twice_creates_one_award()
    {
        var (personId, _, _) = await VillagerAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { personId, points = 6, reason = "帮助邻居抢收稻谷", category = "GoodDeed" };

        async Task<(int Status, string Body, bool Replayed)> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/points/awards");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("village1"));
            request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            request.Content = JsonContent.Create(body);
            using var response = await app.Http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Contains("Idempotency-Replayed"));
        }

        var first = await SendAsync();
        var second = await SendAsync();
        Assert.Equal(201, first.Status);
        Assert.Equal(201, second.Status);
        Assert.True(second.Replayed);
        Assert.Equal(first.Body, second.Body);
        var mine = (await DemoMap.AllItemsAsync(app.As("center"), "/api/v1/points/awards?")).Where(a => a.GetProperty("personId").GetInt64() == personId).ToList();
        Assert.Single(mine);
    }

    [DatabaseFact]
    public async Task Two_approvers_at_once_one_wins_the_other_gets_409()
    {
        var (personId, _, _) = await VillagerAsync();
        var id = (await ProposeAsync(personId, 9)).Expect(HttpStatusCode.Created).Id;

        var answers = await Task.WhenAll(
            app.As("town1").PostAsync($"/api/v1/points/awards/{id}/approve"),
            app.As("center").PostAsync($"/api/v1/points/awards/{id}/approve"),
            app.As("supervisor1").PostAsync($"/api/v1/points/awards/{id}/approve"));

        Assert.Single(answers, a => a.StatusCode == 200);
        Assert.All(answers.Where(a => a.StatusCode != 200), a => Assert.Equal("award.invalid_state", a.ExpectProblem(HttpStatusCode.Conflict, "award.invalid_state").Code));
        await CreditJobAsync(AfterNotice);
        Assert.Equal(9, await AssertLedgerAsync(personId));
    }

    [DatabaseFact]
    public async Task Evidence_photos_and_PDFs_attach_to_a_proposal_and_other_files_are_refused()
    {
        var (personId, _, _) = await VillagerAsync();
        var id = (await ProposeAsync(personId, 10)).Expect(HttpStatusCode.Created).Id;

        async Task<ApiResponse> UploadAsync(byte[] bytes, string fileName)
        {
            using var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(bytes), "file", fileName);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/points/awards/{id}/evidence") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("village1"));
            request.Headers.Add("X-Forwarded-For", AppFixture.ClientAddress);
            using var response = await app.Http.SendAsync(request);
            return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), "POST evidence");
        }

        Assert.Equal("image/png", (await UploadAsync(Photo, "现场.png")).Expect(HttpStatusCode.Created).Text("contentType"));
        Assert.Equal("application/pdf", (await UploadAsync(SampleFiles.Pdf("村民证明"), "证明.pdf")).Expect(HttpStatusCode.Created).Text("contentType"));
        (await UploadAsync("not a picture"u8.ToArray(), "说明.txt")).ExpectProblem(HttpStatusCode.BadRequest, "file.type_not_allowed");

        var evidence = (await GetAsync(id, "supervisor1")).Expect(HttpStatusCode.OK).Json.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(2, evidence.Count);
        var url = evidence[0].GetProperty("url").GetString()!;
        using var download = new HttpRequestMessage(HttpMethod.Get, url);
        download.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("supervisor1"));
        using var file = await app.Http.SendAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Photo, await file.Content.ReadAsByteArrayAsync());

        (await app.As("town1").PostAsync($"/api/v1/points/awards/{id}/approve")).Expect(HttpStatusCode.OK);
        (await UploadAsync(Photo, "补充.png")).ExpectProblem(HttpStatusCode.Conflict, "award.evidence_closed");
    }
}
