using System.Net;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Localization;

namespace Wenming.IntegrationTests;

/// <summary>People by real name (DESIGN §3): ID number rules, PIPL handling, uniqueness per county.</summary>
public sealed class PeopleTests(AppFixture app) : IClassFixture<AppFixture>
{
    private ApiClient Village1 => app.As("village1");

    public static TheoryData<string, string> BadIdNumbers => new()
    {
        // the 18th character is not the ISO 7064 check character of the first 17
        { "11010519900517002" + "0", "person.id_number_checksum" },
        { "1101051990051700", "person.id_number_length" },
        { "1101051990051700231", "person.id_number_length" },
        { "110105199013170023", "person.id_number_birth_date" },
        { "110105209905170023", "person.id_number_birth_date" },
        { "11010519900517002Y", "person.id_number_invalid" },
        { "", "person.id_number_length" },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadIdNumbers))]
    public async Task Register_WithABadIdNumber_Answers400WithTheReasonInChinese_AndCreatesNothing(string idNumber, string reason)
    {
        var before = await CountPeopleAsync();

        var refused = await Village1.PostAsync("/api/v1/people", new { name = "错号", idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "person.id_number_invalid");
        var message = Assert.Single(refused.FieldErrors("idNumber"));
        Assert.Equal(Text.Get(reason), message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        Assert.Equal(before, await CountPeopleAsync());
    }

    [DatabaseFact]
    public async Task Register_DerivesGenderAndBirthDate_AndShowsTheIdNumberOnlyMasked()
    {
        var idNumber = TestData.IdNumber(new DateOnly(1990, 5, 17), male: false);
        var phone = TestData.Phone();

        var created = (await Village1.PostAsync("/api/v1/people", new { name = "李秀英", idNumber, phone, orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);

        Assert.Equal("Female", created.Text("gender"));
        Assert.Equal("1990-05-17", created.Text("birthDate"));
        Assert.Equal(idNumber[..3] + new string('*', 11) + idNumber[^4..], created.Text("idNumberMasked"));
        Assert.Equal(phone, created.Text("phone"));
        Assert.Equal(app.Demo.Unit("village1"), created.Number("orgUnitId"));
        Assert.DoesNotContain(idNumber, created.Body, StringComparison.Ordinal);
        var fetched = (await Village1.GetAsync($"/api/v1/people/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(idNumber, fetched.Body, StringComparison.Ordinal);
        Assert.Equal("李秀英", fetched.Text("name"));
        var listed = (await Village1.GetAsync($"/api/v1/people?orgUnitId={app.Demo.Unit("village1")}&pageSize=100&page=1")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(idNumber, listed.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task PlainList_ShowsExactlyTheCallersSubtree_InIdOrder_PageByPage()
    {
        // With no search and no unit the list runs as a compiled query (ADR 0077): it must scope and page as the
        // filtered list does.
        var plain = Ids(await DemoMap.AllItemsAsync(Village1, "/api/v1/people?"));
        var byUnit = Ids(await DemoMap.AllItemsAsync(Village1, $"/api/v1/people?orgUnitId={app.Demo.Unit("village1")}&"));

        Assert.NotEmpty(plain);
        Assert.Equal(byUnit, plain);
        Assert.Equal(plain.Order(), plain);
        var second = (await Village1.GetAsync("/api/v1/people?page=2&pageSize=3")).Expect(HttpStatusCode.OK);
        Assert.Equal(plain.Skip(3).Take(3), Ids(second.Items));
        Assert.Equal(plain.Count, second.Total);
        Assert.Empty(Ids(await DemoMap.AllItemsAsync(app.As("town2"), "/api/v1/people?")).Intersect(plain));

        static List<long> Ids(IEnumerable<System.Text.Json.JsonElement> items) => [.. items.Select(p => p.GetProperty("id").GetInt64())];
    }

    [DatabaseFact]
    public async Task List_ShowsEachPersonAsTheirRecordDoes_AnonymizedToo_AndNeverReadsTheIdNumbersCipherOrHash()
    {
        var kept = (await Village1.PostAsync("/api/v1/people", new { name = TestData.Name("卢"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        var erased = (await Village1.PostAsync("/api/v1/people", new { name = TestData.Name("钱"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        (await app.As("center").PostAsync($"/api/v1/people/{erased.Id}/anonymize", new { reason = "本人申请删除个人信息" })).Expect(HttpStatusCode.OK);
        await using var host = new RecordedHost(app);
        var village1 = await host.SignInAsync("village1");

        host.Recorder.Start();
        var total = (await village1.GetAsync("/api/v1/people?pageSize=1")).Expect(HttpStatusCode.OK).Total;
        // The newest two are the last two of the plain list (id order), the compiled query; a search runs the other one.
        var newest = (await village1.GetAsync($"/api/v1/people?page={total - 1}&pageSize=1")).Expect(HttpStatusCode.OK).Items
            .Concat((await village1.GetAsync($"/api/v1/people?page={total}&pageSize=1")).Expect(HttpStatusCode.OK).Items).ToList();
        var searched = (await village1.GetAsync($"/api/v1/people?q={kept.Text("phone")}")).Expect(HttpStatusCode.OK).Items;
        var statements = host.Recorder.Stop();

        var records = new[] { kept.Id, erased.Id }.Select(async id => (await Village1.GetAsync($"/api/v1/people/{id}")).Expect(HttpStatusCode.OK).Json.GetRawText());
        Assert.Equal(await Task.WhenAll(records), newest.Select(p => p.GetRawText()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, newest[1].GetProperty("anonymizedAt").ValueKind);
        Assert.Equal(newest[0].GetRawText(), Assert.Single(searched).GetRawText());
        Assert.Equal(8, statements.Count(s => s.Sql.Contains("ppl_people", StringComparison.Ordinal)));
        Assert.All(statements, s => Assert.DoesNotContain("IdNumberCipher", s.Sql, StringComparison.Ordinal));
        Assert.All(statements, s => Assert.DoesNotContain("IdNumberHash", s.Sql, StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Register_MaleIdNumber_IsMale()
    {
        var created = (await Village1.PostAsync("/api/v1/people", new { name = "王建国", idNumber = TestData.IdNumber(new DateOnly(1962, 10, 1), male: true), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") }))
            .Expect(HttpStatusCode.Created);

        Assert.Equal("Male", created.Text("gender"));
        Assert.Equal("1962-10-01", created.Text("birthDate"));
    }

    [DatabaseFact]
    public async Task AuditLog_OfRegisteringAndEditingAPerson_NeverContainsTheClearIdNumberOrPhone()
    {
        var idNumber = TestData.IdNumber();
        var phone = TestData.Phone();
        var newPhone = TestData.Phone();
        var created = (await Village1.PostAsync("/api/v1/people", new { name = "赵隐私", idNumber, phone, orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        (await Village1.PutAsync($"/api/v1/people/{created.Id}", new { name = "赵隐私", phone = newPhone, orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.OK);

        var audit = (await app.Admin.GetAsync($"/api/v1/audit-entries?entityType=Person&entityId={created.Id}")).Expect(HttpStatusCode.OK);

        Assert.Equal(["Updated", "Created"], audit.Items.Select(e => e.GetProperty("action").GetString()));
        foreach (var secret in new[] { idNumber, idNumber[6..14], phone, newPhone, "赵隐私" })
        {
            Assert.DoesNotContain(secret, audit.Body, StringComparison.Ordinal);
        }

        var latest = (await app.Admin.GetAsync("/api/v1/audit-entries?pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(idNumber, latest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(newPhone, latest.Body, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task Register_SameIdNumberTwiceInOneCounty_AnswersConflict_EvenFromAUnitThatCannotSeeTheFirst()
    {
        var idNumber = TestData.IdNumber();
        (await Village1.PostAsync("/api/v1/people", new { name = "孙重复", idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        var before = await CountPeopleAsync();

        var duplicate = await app.As("village2").PostAsync("/api/v1/people", new { name = "孙重复", idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village2") });

        duplicate.ExpectProblem(HttpStatusCode.Conflict, "person.duplicate_id_number");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", duplicate.Text("detail"));
        Assert.Equal(before, await CountPeopleAsync());
    }

    [DatabaseFact]
    public async Task Register_SameIdNumberInAnotherCounty_IsAllowed()
    {
        var idNumber = TestData.IdNumber();
        (await Village1.PostAsync("/api/v1/people", new { name = "周两地", idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);

        var elsewhere = await app.Admin.PostAsync("/api/v1/people", new { name = "周两地", idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("county2-village") });

        elsewhere.Expect(HttpStatusCode.Created);
        Assert.Equal(2, (await app.Admin.GetAsync($"/api/v1/people?q={idNumber}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task Search_ByTheFullIdNumber_FindsExactlyThatPerson()
    {
        var idNumber = TestData.IdNumber();
        var created = (await Village1.PostAsync("/api/v1/people", new { name = "吴查找", idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);

        var found = (await app.As("center").GetAsync($"/api/v1/people?q={idNumber}")).Expect(HttpStatusCode.OK);

        Assert.Equal(created.Id, Assert.Single(found.Items).GetProperty("id").GetInt64());
        Assert.DoesNotContain(idNumber, found.Body, StringComparison.Ordinal);
        // Someone whose subtree does not hold the person finds nothing.
        Assert.Equal(0, (await app.As("town2").GetAsync($"/api/v1/people?q={idNumber}")).Expect(HttpStatusCode.OK).Total);
    }

    [DatabaseFact]
    public async Task Search_ByPhoneOrName_FindsThePerson()
    {
        var phone = TestData.Phone();
        var name = TestData.Name("郑");
        var created = (await Village1.PostAsync("/api/v1/people", new { name, idNumber = TestData.IdNumber(), phone, orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);

        Assert.Equal(created.Id, Assert.Single((await Village1.GetAsync($"/api/v1/people?q={phone}")).Expect(HttpStatusCode.OK).Items).GetProperty("id").GetInt64());
        Assert.Equal(created.Id, Assert.Single((await Village1.GetAsync($"/api/v1/people?q={Uri.EscapeDataString(name)}")).Expect(HttpStatusCode.OK).Items).GetProperty("id").GetInt64());
    }

    [DatabaseTheory]
    [InlineData("1234567890")]
    [InlineData("12345678901")]
    [InlineData("1391234567a")]
    [InlineData("")]
    public async Task Register_WithAnInvalidMobileNumber_Answers400PhoneInvalid(string phone)
    {
        var before = await CountPeopleAsync();

        var refused = await Village1.PostAsync("/api/v1/people", new { name = "钱电话", idNumber = TestData.IdNumber(), phone, orgUnitId = app.Demo.Unit("village1") });

        refused.ExpectProblem(HttpStatusCode.BadRequest, "person.phone_invalid");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(refused.FieldErrors("phone")));
        Assert.Equal(before, await CountPeopleAsync());
    }

    [DatabaseFact]
    public async Task Register_WithSeveralBadFields_NamesEachField()
    {
        var refused = await Village1.PostAsync("/api/v1/people", new { name = "", idNumber = "123", phone = "1", orgUnitId = app.Demo.Unit("village1") });

        refused.Expect(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.FieldErrors("name"));
        Assert.NotEmpty(refused.FieldErrors("idNumber"));
        Assert.NotEmpty(refused.FieldErrors("phone"));
    }

    [DatabaseFact]
    public async Task Register_IntoTheCityAboveAnyCounty_IsRefused() =>
        (await app.Admin.PostAsync("/api/v1/people", new { name = "市民", idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("city") }))
            .ExpectProblem(HttpStatusCode.BadRequest, "person.unit_not_allowed");

    [DatabaseFact]
    public async Task Update_ChangesNameAndPhone_ButNeverTheIdNumber()
    {
        var idNumber = TestData.IdNumber();
        var created = (await Village1.PostAsync("/api/v1/people", new { name = "冯旧名", idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);
        var phone = TestData.Phone();

        (await Village1.PutAsync($"/api/v1/people/{created.Id}", new { name = "冯新名", phone, orgUnitId = app.Demo.Unit("village1-point"), idNumber = TestData.IdNumber() })).Expect(HttpStatusCode.OK);

        var fetched = (await Village1.GetAsync($"/api/v1/people/{created.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("冯新名", fetched.Text("name"));
        Assert.Equal(phone, fetched.Text("phone"));
        Assert.Equal(app.Demo.Unit("village1-point"), fetched.Number("orgUnitId"));
        Assert.Equal(created.Text("idNumberMasked"), fetched.Text("idNumberMasked"));
        Assert.Equal(created.Id, Assert.Single((await Village1.GetAsync($"/api/v1/people?q={idNumber}")).Expect(HttpStatusCode.OK).Items).GetProperty("id").GetInt64());
    }

    [DatabaseFact]
    public async Task Update_MovingAPersonOutOfTheCallersSubtree_IsNotFound()
    {
        var created = (await Village1.PostAsync("/api/v1/people", new { name = "陈搬家", idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })).Expect(HttpStatusCode.Created);

        (await Village1.PutAsync($"/api/v1/people/{created.Id}", new { name = "陈搬家", phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village2") })).Expect(HttpStatusCode.NotFound);

        Assert.Equal(app.Demo.Unit("village1"), (await app.Admin.GetAsync($"/api/v1/people/{created.Id}")).Expect(HttpStatusCode.OK).Number("orgUnitId"));
    }

    [DatabaseFact]
    public async Task Register_TwentyTimesAtOnceWithOneIdNumber_CreatesExactlyOnePerson()
    {
        var idNumber = TestData.IdNumber();
        var town1 = app.As("town1");
        await app.TokenAsync("town1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            town1.PostAsync("/api/v1/people", new { name = "并发" + i, idNumber, phone = TestData.Phone(), orgUnitId = app.Demo.Unit("village1") })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => a.ExpectProblem(HttpStatusCode.Conflict, "person.duplicate_id_number"));
        Assert.Equal(1, (await app.Admin.GetAsync($"/api/v1/people?q={idNumber}")).Expect(HttpStatusCode.OK).Total);
    }

    private async Task<int> CountPeopleAsync() => (await app.Admin.GetAsync("/api/v1/people?pageSize=1")).Expect(HttpStatusCode.OK).Total;
}
