using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Platform.Jobs;
using Xunit.Abstractions;

namespace Wenming.IntegrationTests;

/// <summary>
/// Issue 12's proof that the numbers are right: six months of random writes in a fresh township — volunteers,
/// teams, hours (some pending, some reversed, some dated days before they were recorded), activities held,
/// cancelled or never started, orders left open, completed late or on time, rated or not, hand awards credited
/// after their notice, redemptions and cancellations — made through the API by a second host whose clock is set
/// to each moment (China-date boundaries included: 00:00:30 on the 1st is still the previous month in UTC).
/// Then every overview figure (this period and the one before), every village ranking and every trend month is
/// compared with a recount made from the API's own lists. Only the public API is used on both sides, so the test
/// holds whatever way the statistics compute their figures. The seed is printed; <c>WENMING_RECOUNT_SEED</c>
/// replays a failure.
/// </summary>
public sealed class StatisticsRecountTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string CountyCode = "339901";
    private const int Months = 6;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The indicators recounted here: every one the volunteer, activity, order, points and market modules offer.</summary>
    private static readonly string[] Keys =
    [
        "volunteersRegistered", "volunteersActive", "teams", "hours", "activities", "participants",
        "ordersSubmitted", "ordersCompleted", "onTimeRate", "satisfaction",
        "lightsGreen", "lightsBlue", "lightsYellow", "lightsRed",
        "pointsIssued", "pointsRedeemed", "goodsRedeemed",
    ];

    [DatabaseFact]
    public async Task EveryOverviewRankingAndTrendFigure_EqualsARecountFromTheLists()
    {
        var seed = Environment.GetEnvironmentVariable("WENMING_RECOUNT_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"StatisticsRecountTests seed {seed} (WENMING_RECOUNT_SEED={seed} replays it)");

        var today = ChinaDate(DateTimeOffset.UtcNow);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-Months);
        await using var host = new BackdatedHost(app, At(firstMonth, 8, 0).AddDays(-2));
        var county = new Scenario(host, new Random(seed), firstMonth);
        await county.WriteAsync();

        var lists = await Lists.ReadAsync(app.As("center"), county.Township, county.Villages);
        var check = new Checker(seed, lists, app.As("center"), county.Township, county.Villages);
        var months = Enumerable.Range(0, Months).Select(firstMonth.AddMonths).ToList();
        var rng = new Random(seed);
        var oddFrom = months[1].AddDays(rng.Next(0, 28));
        var windows = months.Select(m => (m, m.AddMonths(1).AddDays(-1)))
            .Append((firstMonth, today))
            .Append((oddFrom, oddFrom.AddDays(rng.Next(20, 70))))
            .Append((months[^1], months[^1].AddDays(rng.Next(0, 27))))
            .Append((new DateOnly(today.Year, today.Month, 1), today))
            .ToList();
        foreach (var (from, to) in windows)
        {
            await check.OverviewsAsync(from, to);
        }

        await check.RankingsAsync(firstMonth, today);
        await check.RankingsAsync(months[rng.Next(Months)], months[^1].AddMonths(1).AddDays(-1));
        await check.TrendsAsync(county.Township, Months + 2, today);
        await check.TrendsAsync(county.Villages[rng.Next(county.Villages.Count)], Months + 2, today);

        output.WriteLine($"{county.Writes} writes; {check.Compared} figures compared; lists: {lists.Describe()}");
        Assert.True(check.Compared > 1000, $"seed {seed}: only {check.Compared} figures compared");
        Assert.True(lists.Activities.Any(a => a.Held) && lists.Orders.Any(o => o.Late) && lists.Records.Any(r => r.Hours < 0) && lists.Redemptions.Any(r => r.Cancelled),
            $"seed {seed}: the scenario wrote too little to prove anything: {lists.Describe()}");
    }

    private static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);

    private static DateTimeOffset At(DateOnly day, int hour, int minute, int second = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute, second)), ChinaOffset);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Another host of the app on the fixture's database whose clock the test sets to each moment of the
    /// scenario. Its access tokens live for years, so one sign-in per login serves every moment (the clock only
    /// moves within the months after the first sign-in).
    /// </summary>
    private sealed class BackdatedHost : IAsyncDisposable
    {
        private readonly FakeClock _clock;
        private readonly WebApplicationFactory<Program> _factory;
        private readonly HttpClient _http;
        private readonly Dictionary<string, string> _tokens = [];

        public BackdatedHost(AppFixture app, DateTimeOffset start)
        {
            _clock = new FakeClock(start);
            Now = start;
            _factory = app.Factory.WithWebHostBuilder(b =>
            {
                b.UseSetting("Security:AccessTokenMinutes", "2000000");
                b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
            });
            _http = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        }

        public DateTimeOffset Now { get; private set; }

        public IServiceProvider Services => _factory.Services;

        public void Set(DateTimeOffset now)
        {
            Now = now;
            _clock.Set(now);
        }

        public async Task<ApiClient> AsAsync(string login)
        {
            if (!_tokens.TryGetValue(login, out var token))
            {
                var signedIn = (await new ApiClient(_http, () => Task.FromResult<string?>(null), AppFixture.ClientAddress)
                    .PostAsync("/api/v1/auth/token", new { login, password = AppFixture.DemoPassword })).Expect(HttpStatusCode.OK);
                token = _tokens[login] = signedIn.Text("accessToken");
            }

            return new ApiClient(_http, () => Task.FromResult<string?>(token), AppFixture.ClientAddress);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _factory.DisposeAsync();
        }
    }

    private sealed record Volunteer(long Id, long PersonId, long VillageId, DateTimeOffset ApprovedAt);

    private sealed record Village(long Id, long TeamId, string LeaderLogin, long LeaderVolunteerId, long GoodsId);

    /// <summary>The random writes, each at its own moment on the backdated host.</summary>
    private sealed class Scenario(BackdatedHost host, Random rng, DateOnly firstMonth)
    {
        private readonly List<Volunteer> _volunteers = [];
        private readonly List<Village> _villages = [];
        private readonly HashSet<DateOnly> _activityDays = [];
        private readonly DateTimeOffset _latest = DateTimeOffset.UtcNow.AddHours(-6);
        private bool _reversed;
        private bool _late;

        public long Township { get; private set; }

        public IReadOnlyList<long> Villages => [.. _villages.Select(v => v.Id)];

        public int Writes { get; private set; }

        private Task<ApiClient> Center => host.AsAsync("center");

        private Task<ApiClient> Admin => host.AsAsync("admin");

        private async Task<ApiResponse> PostAsync(Task<ApiClient> by, string path, object? body, HttpStatusCode expected)
        {
            Writes++;
            return (await (await by).PostAsync(path, body)).Expect(expected);
        }

        public async Task WriteAsync()
        {
            var segment = CountyCode + TestData.TownshipSegment();
            var countyId = (await (await Center).GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Number("orgUnitId");
            Township = (await PostAsync(Center, "/api/v1/org-units", new { parentId = countyId, level = "Township", name = TestData.Name("复核镇"), divisionCode = segment + "000" }, HttpStatusCode.Created)).Id;
            for (var i = 1; i <= 3; i++)
            {
                var village = (await PostAsync(Center, "/api/v1/org-units", new { parentId = Township, level = "Village", name = TestData.Name("复核村"), divisionCode = segment + i.ToString("D3", CultureInfo.InvariantCulture) }, HttpStatusCode.Created)).Id;
                var leader = await VolunteerAsync(village);
                await VolunteerAsync(village);
                var login = TestData.Login("recount");
                await PostAsync(Admin, "/api/v1/accounts", new { login, password = AppFixture.DemoPassword, displayName = "复核队长", role = "TeamLeader", orgUnitId = village, personId = leader.PersonId }, HttpStatusCode.Created);
                var team = (await PostAsync(Center, "/api/v1/teams", new { orgUnitId = village, name = TestData.Name("复核服务队"), category = "Convenience", leaderVolunteerId = leader.Id }, HttpStatusCode.Created)).Id;
                var goods = (await PostAsync(Center, "/api/v1/market/goods", new { orgUnitId = village, name = TestData.Name("毛巾"), pricePoints = 5, stock = 500 }, HttpStatusCode.Created)).Id;
                _villages.Add(new Village(village, team, login, leader.Id, goods));
            }

            for (var m = 0; m < Months; m++)
            {
                var month = firstMonth.AddMonths(m);
                if (m > 0)
                {
                    host.Set(Moment(month));
                    await VolunteerAsync(Pick(_villages).Id);
                }

                if (m == 3)
                {
                    host.Set(Moment(month));
                    var village = Pick(_villages);
                    var leader = _volunteers.Last(v => v.VillageId == village.Id);
                    await PostAsync(Center, "/api/v1/teams", new { orgUnitId = village.Id, name = TestData.Name("复核第二队"), category = "Convenience", leaderVolunteerId = leader.Id }, HttpStatusCode.Created);
                }

                var hours = rng.Next(3, 7);
                for (var i = 0; i < hours; i++)
                {
                    await HoursAsync(i == 0 ? FirstMoment(month) : i == hours - 1 ? LastMoment(month) : Moment(month));
                }

                for (var i = rng.Next(1, 4); i > 0; i--)
                {
                    await ActivityAsync(month, boundary: i == 1 && rng.Next(2) == 0);
                }

                var orders = rng.Next(2, 5);
                for (var i = 0; i < orders; i++)
                {
                    await OrderAsync(i == orders - 1 ? LastMoment(month) : Moment(month));
                }

                if (rng.Next(3) > 0)
                {
                    await AwardAsync(Moment(month));
                }

                for (var i = rng.Next(1, 4); i > 0; i--)
                {
                    await RedemptionAsync(i == 1 ? LastMoment(month) : Moment(month));
                }
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

        /// <summary>A daytime moment of the month, not later than a few hours ago.</summary>
        private DateTimeOffset Moment(DateOnly month)
        {
            var day = month.AddDays(rng.Next(0, DateTime.DaysInMonth(month.Year, month.Month)));
            return Cap(At(day, rng.Next(8, 20), rng.Next(0, 60), rng.Next(0, 60)));
        }

        /// <summary>00:00:30 on the 1st in China: the last day of the month before in UTC.</summary>
        private DateTimeOffset FirstMoment(DateOnly month) => Cap(At(month, 0, 0, 30));

        /// <summary>23:59:30 on the last day in China.</summary>
        private DateTimeOffset LastMoment(DateOnly month) => Cap(At(month.AddMonths(1).AddDays(-1), 23, 59, 30));

        private DateTimeOffset Cap(DateTimeOffset at) => at < _latest ? at : _latest.AddMinutes(-rng.Next(0, 600));

        private List<Volunteer> ApprovedBy(DateTimeOffset at, long? villageId = null) =>
            [.. _volunteers.Where(v => v.ApprovedAt <= at && (villageId is null || v.VillageId == villageId))];

        private async Task<Volunteer> VolunteerAsync(long villageId)
        {
            var personId = (await PostAsync(Admin, "/api/v1/people", new { name = TestData.Name("复核"), idNumber = TestData.IdNumber(), phone = TestData.Phone(), orgUnitId = villageId }, HttpStatusCode.Created)).Id;
            var id = (await PostAsync(Admin, "/api/v1/volunteers", new { personId }, HttpStatusCode.Created)).Id;
            await PostAsync(Admin, $"/api/v1/volunteers/{id}/approve", null, HttpStatusCode.OK);
            var volunteer = new Volunteer(id, personId, villageId, host.Now);
            _volunteers.Add(volunteer);
            return volunteer;
        }

        /// <summary>Hours recorded at <paramref name="at"/> for a day up to two days before; most confirmed, some of those reversed.</summary>
        private async Task HoursAsync(DateTimeOffset at)
        {
            host.Set(at);
            var candidates = ApprovedBy(at);
            var volunteer = Pick(candidates);
            var date = ChinaDate(at).AddDays(-rng.Next(0, 3));
            var id = (await PostAsync(Center, $"/api/v1/volunteers/{volunteer.Id}/service-records", new { date = D(date), place = "村文化礼堂", content = "政策宣讲", hours = rng.Next(1, 9) / 2m }, HttpStatusCode.Created)).Id;
            if (rng.Next(8) == 0)
            {
                return;
            }

            await PostAsync(Center, $"/api/v1/service-records/{id}/confirm", null, HttpStatusCode.OK);
            // The first confirmed record is always reversed (a county's worth of seeds must each prove reversals), later ones one in five.
            if (!_reversed || rng.Next(5) == 0)
            {
                _reversed = true;
                host.Set(at.AddMinutes(20));
                await PostAsync(Center, $"/api/v1/service-records/{id}/reverse", new { reason = "重复登记" }, HttpStatusCode.Created);
            }
        }

        /// <summary>
        /// An activity of a village on a day of its own (no sign-up overlaps), 9:00–11:00, or 00:30–02:30 on the 1st
        /// (the day before in UTC): held and finished with its attendees' hour confirmed, or cancelled, or published
        /// and never started.
        /// </summary>
        private async Task ActivityAsync(DateOnly month, bool boundary)
        {
            var village = Pick(_villages);
            var day = boundary ? month : month.AddDays(rng.Next(0, DateTime.DaysInMonth(month.Year, month.Month)));
            var starts = boundary ? At(day, 0, 30) : At(day, 9, 0);
            if (starts.AddHours(4) > _latest || !_activityDays.Add(day))
            {
                return;
            }

            host.Set(starts.AddDays(-2));
            var enrollable = ApprovedBy(host.Now, village.Id);
            var id = (await PostAsync(Center, "/api/v1/activities", new
            {
                orgUnitId = village.Id,
                teamId = village.TeamId,
                title = TestData.Name("复核活动"),
                category = "ConvenienceService",
                place = "村文化广场",
                startsAt = starts,
                endsAt = starts.AddHours(2),
                capacity = 10,
            }, HttpStatusCode.Created)).Id;
            await PostAsync(Center, $"/api/v1/activities/{id}/publish", null, HttpStatusCode.OK);
            var enrolled = enrollable.OrderBy(_ => rng.Next()).Take(rng.Next(1, enrollable.Count + 1)).ToList();
            foreach (var v in enrolled)
            {
                await PostAsync(Center, $"/api/v1/activities/{id}/enrollments", new { volunteerId = v.Id }, HttpStatusCode.Created);
            }

            switch (rng.Next(8))
            {
                case 0:
                    await PostAsync(Center, $"/api/v1/activities/{id}/cancel", null, HttpStatusCode.OK);
                    return;
                case 1:
                    return;
            }

            host.Set(starts.AddHours(2).AddMinutes(30));
            // All but (sometimes) one attend exactly an hour, so the hours are whole and the absent one is a no-show.
            foreach (var v in enrolled.Skip(enrolled.Count > 1 && rng.Next(2) == 0 ? 1 : 0))
            {
                await PostAsync(Center, $"/api/v1/activities/{id}/check-ins", new { volunteerId = v.Id, at = starts }, HttpStatusCode.OK);
                await PostAsync(Center, $"/api/v1/activities/{id}/check-outs", new { volunteerId = v.Id, at = starts.AddHours(1) }, HttpStatusCode.OK);
            }

            await PostAsync(Center, $"/api/v1/activities/{id}/start", null, HttpStatusCode.OK);
            await PostAsync(Center, $"/api/v1/activities/{id}/finish", null, HttpStatusCode.OK);
            var pending = await DemoMap.AllItemsAsync(await Center, $"/api/v1/service-records?activityId={id}&status=Pending&");
            foreach (var record in pending.Where(_ => rng.Next(4) > 0))
            {
                await PostAsync(Center, $"/api/v1/service-records/{record.GetProperty("id").GetInt64()}/confirm", null, HttpStatusCode.OK);
            }
        }

        /// <summary>An order submitted at <paramref name="at"/> on a villager's behalf, left open or served (late, on time, without a due time) and maybe rated.</summary>
        private async Task OrderAsync(DateTimeOffset at)
        {
            host.Set(at);
            var village = Pick(_villages);
            var requester = Pick(ApprovedBy(at, village.Id));
            var id = (await PostAsync(Center, "/api/v1/orders", new
            {
                description = TestData.Name("想请志愿者帮忙"),
                orgUnitId = village.Id,
                wantedAt = at.AddDays(2),
                contactPhone = "13912345678",
                address = "2组8号",
                requesterPersonId = requester.PersonId,
            }, HttpStatusCode.Created)).Id;
            var fate = rng.Next(10);
            if (fate == 0)
            {
                return;
            }

            host.Set(at.AddMinutes(10));
            await PostAsync(Center, $"/api/v1/orders/{id}/dispatch", new { teamId = village.TeamId }, HttpStatusCode.OK);
            if (fate == 1)
            {
                return;
            }

            host.Set(at.AddMinutes(20));
            var leader = host.AsAsync(village.LeaderLogin);
            // The first order served is always due within the hour and so completed late (one seed in ~80 drew no late
            // order among twenty and proved nothing about lateness); later ones by their draw.
            var forceLate = !_late && fate > 2;
            _late |= forceLate;
            var due = forceLate ? at.AddHours(1) : (fate % 3) switch { 0 => (DateTimeOffset?)null, 1 => at.AddHours(1), _ => at.AddDays(2) };
            await PostAsync(leader, $"/api/v1/orders/{id}/accept", due is null ? new { } : new { dueAt = due }, HttpStatusCode.OK);
            if (fate == 2)
            {
                return;
            }

            host.Set(at.AddHours(3));
            await PostAsync(leader, $"/api/v1/orders/{id}/complete", new { summary = "已上门服务", servedBy = new[] { new { volunteerId = village.LeaderVolunteerId, hours = 1m } } }, HttpStatusCode.OK);
            if (rng.Next(5) < 3)
            {
                host.Set(at.AddHours(5));
                await PostAsync(Center, $"/api/v1/orders/{id}/rate", new { stars = rng.Next(1, 6) }, HttpStatusCode.OK);
            }
        }

        /// <summary>A hand award proposed and approved at <paramref name="at"/>, credited when its public notice ends.</summary>
        private async Task AwardAsync(DateTimeOffset at)
        {
            host.Set(at);
            var person = Pick(ApprovedBy(at)).PersonId;
            var id = (await PostAsync(Center, "/api/v1/points/awards", new { personId = person, points = rng.Next(5, 30), reason = "好人好事" }, HttpStatusCode.Created)).Id;
            host.Set(at.AddMinutes(30));
            var approved = await PostAsync(Admin, $"/api/v1/points/awards/{id}/approve", null, HttpStatusCode.OK);
            var noticeEnds = DateTimeOffset.Parse(approved.Text("noticeEndsAt"), CultureInfo.InvariantCulture).AddMinutes(1);
            if (noticeEnds > _latest)
            {
                return;
            }

            host.Set(noticeEnds);
            await Jobs.RunOnceAsync<CreditAwardsJob>(host.Services, noticeEnds.UtcDateTime, CancellationToken.None);
        }

        private bool _cancelledOne;

        /// <summary>Goods redeemed at a village's counter by one of its volunteers who has the points; some cancelled.</summary>
        private async Task RedemptionAsync(DateTimeOffset at)
        {
            host.Set(at);
            var village = Pick(_villages);
            foreach (var volunteer in ApprovedBy(at, village.Id).OrderBy(_ => rng.Next()))
            {
                var balance = (await (await Center).GetAsync($"/api/v1/points/accounts/{volunteer.PersonId}")).Expect(HttpStatusCode.OK).Number("balance");
                if (balance < 5)
                {
                    continue;
                }

                var quantity = (int)Math.Min(rng.Next(1, 4), balance / 5);
                var id = (await PostAsync(Center, "/api/v1/market/redemptions", new { goodsId = village.GoodsId, personId = volunteer.PersonId, quantity }, HttpStatusCode.Created)).Id;
                // One in four is cancelled, and the first always: with few redemptions a seed could otherwise
                // leave none cancelled, and the check that the scenario proves something would fail on luck.
                if (!_cancelledOne || rng.Next(4) == 0)
                {
                    host.Set(at.AddMinutes(30));
                    await PostAsync(Center, $"/api/v1/market/redemptions/{id}/cancel", null, HttpStatusCode.OK);
                    _cancelledOne = true;
                }

                return;
            }
        }
    }

    private sealed record VolunteerRow(long Id, long UnitId, bool Approved, DateOnly? ReviewedOn);

    private sealed record TeamRow(long UnitId, DateOnly CreatedOn);

    private sealed record RecordRow(long VolunteerId, long UnitId, DateOnly Date, decimal Hours, bool Confirmed);

    private sealed record ActivityRow(long UnitId, DateOnly StartsOn, bool Held, int Enrolled);

    private sealed record OrderRow(long UnitId, DateOnly SubmittedOn, DateOnly? CompletedOn, bool Late, int? Stars, string? Light)
    {
        public bool Completed => CompletedOn is not null;
    }

    private sealed record LedgerRow(long UnitId, DateOnly On, string Kind, long Amount);

    private sealed record RedemptionRow(long UnitId, DateOnly On, int Quantity, bool Cancelled);

    /// <summary>What the API's own lists say about the township, read once after the writes.</summary>
    private sealed record Lists(
        List<VolunteerRow> Volunteers, List<TeamRow> Teams, List<RecordRow> Records, List<ActivityRow> Activities,
        List<OrderRow> Orders, List<LedgerRow> Ledger, List<RedemptionRow> Redemptions)
    {
        private static readonly string[] Issued = ["ServiceHours", "ActivityAttended", "OrderCompleted", "OrganizerBonus", "Award"];

        private static DateOnly Day(JsonElement item, string property) => ChinaDate(DateTimeOffset.Parse(item.GetProperty(property).GetString()!, CultureInfo.InvariantCulture));

        private static DateOnly? MaybeDay(JsonElement item, string property) =>
            item.GetProperty(property).ValueKind == JsonValueKind.Null ? null : Day(item, property);

        private static DateTimeOffset? Instant(JsonElement item, string property) =>
            item.GetProperty(property).ValueKind == JsonValueKind.Null ? null : DateTimeOffset.Parse(item.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

        private static long Unit(JsonElement item) => item.GetProperty("orgUnitId").GetInt64();

        public static async Task<Lists> ReadAsync(ApiClient center, long township, IReadOnlyList<long> villages)
        {
            async Task<List<JsonElement>> All(string path) => await DemoMap.AllItemsAsync(center, $"{path}orgUnitId={township}&");
            var volunteers = (await All("/api/v1/volunteers?")).Select(v => new VolunteerRow(
                v.GetProperty("id").GetInt64(), Unit(v), v.GetProperty("status").GetString() == "Approved", MaybeDay(v, "reviewedAt"))).ToList();
            var teams = (await All("/api/v1/teams?")).Select(t => new TeamRow(Unit(t), Day(t, "createdAt"))).ToList();
            var records = (await All("/api/v1/service-records?")).Select(r => new RecordRow(
                r.GetProperty("volunteerId").GetInt64(), Unit(r), DateOnly.Parse(r.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
                r.GetProperty("hours").GetDecimal(), r.GetProperty("status").GetString() == "Confirmed")).ToList();
            // The activity list filters on the unit itself, not its subtree.
            var activityItems = new List<JsonElement>();
            foreach (var unit in villages.Prepend(township))
            {
                activityItems.AddRange(await DemoMap.AllItemsAsync(center, $"/api/v1/activities?orgUnitId={unit}&"));
            }

            var activities = activityItems.Select(a => new ActivityRow(
                Unit(a), Day(a, "startsAt"), a.GetProperty("status").GetString() is "Ongoing" or "Finished" or "Archived", a.GetProperty("enrolledCount").GetInt32())).ToList();
            var orders = (await All("/api/v1/orders/board?open=false&")).Select(o =>
            {
                var completed = Instant(o, "completedAt");
                var due = Instant(o, "dueAt");
                return new OrderRow(
                    Unit(o), Day(o, "submittedAt"), MaybeDay(o, "completedAt"), completed is not null && due is not null && completed > due,
                    o.GetProperty("stars").ValueKind == JsonValueKind.Null ? null : o.GetProperty("stars").GetInt32(),
                    o.GetProperty("light").ValueKind == JsonValueKind.Null ? null : o.GetProperty("light").GetString());
            }).ToList();
            // A ledger row carries no unit: the ledger is read village by village (nobody lives at the township's own unit here).
            var ledger = new List<LedgerRow>();
            foreach (var unit in villages)
            {
                var rows = await DemoMap.AllItemsAsync(center, $"/api/v1/points/transactions?orgUnitId={unit}&");
                ledger.AddRange(rows.Select(t => new LedgerRow(unit, Day(t, "at"), t.GetProperty("kind").GetString()!, t.GetProperty("amount").GetInt64())));
            }

            var redemptions = (await All("/api/v1/market/redemptions?")).Select(r => new RedemptionRow(
                Unit(r), Day(r, "createdAt"), r.GetProperty("quantity").GetInt32(), r.GetProperty("status").GetString() == "Cancelled")).ToList();
            return new Lists(volunteers, teams, records, activities, orders, ledger, redemptions);
        }

        public string Describe() =>
            $"{Volunteers.Count} volunteers, {Teams.Count} teams, {Records.Count} service records ({Records.Count(r => r.Hours < 0)} reversals), " +
            $"{Activities.Count} activities ({Activities.Count(a => a.Held)} held), {Orders.Count} orders ({Orders.Count(o => o.Completed)} completed, {Orders.Count(o => o.Late)} late, {Orders.Count(o => o.Stars is not null)} rated), " +
            $"{Ledger.Count} ledger rows, {Redemptions.Count} redemptions ({Redemptions.Count(r => r.Cancelled)} cancelled)";

        /// <summary>
        /// The recount of one indicator for the units in <paramref name="units"/> and the China dates
        /// <paramref name="from"/>–<paramref name="to"/>, as DESIGN §11 and the indicators' definitions (ADR 0040)
        /// describe them; a rate is null when nothing was completed (or rated).
        /// </summary>
        public decimal? Value(string key, HashSet<long> units, DateOnly from, DateOnly to)
        {
            bool In(DateOnly d) => d >= from && d <= to;
            var orders = Orders.Where(o => units.Contains(o.UnitId)).ToList();
            var submitted = orders.Where(o => In(o.SubmittedOn)).ToList();
            var completed = orders.Where(o => o.CompletedOn is { } c && In(c)).ToList();
            var ledger = Ledger.Where(l => units.Contains(l.UnitId) && In(l.On)).ToList();
            var held = Activities.Where(a => units.Contains(a.UnitId) && a.Held && In(a.StartsOn)).ToList();
            var unitOf = Volunteers.ToDictionary(v => v.Id, v => v.UnitId);
            return key switch
            {
                "volunteersRegistered" => Volunteers.Count(v => units.Contains(v.UnitId) && v.Approved && v.ReviewedOn <= to),
                "volunteersActive" => Records.Where(r => r.Confirmed && r.Hours > 0 && In(r.Date) && units.Contains(unitOf[r.VolunteerId])).Select(r => r.VolunteerId).Distinct().Count(),
                "teams" => Teams.Count(t => units.Contains(t.UnitId) && t.CreatedOn <= to),
                "hours" => Records.Where(r => r.Confirmed && In(r.Date) && units.Contains(r.UnitId)).Sum(r => r.Hours),
                "activities" => held.Count,
                "participants" => held.Sum(a => a.Enrolled),
                "ordersSubmitted" => submitted.Count,
                "ordersCompleted" => completed.Count,
                "onTimeRate" => completed.Count == 0 ? null : Math.Round((decimal)completed.Count(o => !o.Late) / completed.Count, 4),
                "satisfaction" => completed.Count(o => o.Stars is not null) is var rated && rated == 0 ? null : Math.Round((decimal)completed.Sum(o => o.Stars ?? 0) / rated, 4),
                // The lights of the orders submitted in the window: a served order is green or red by its due time,
                // an open one shows its light now (every open order here is months past its step's deadline).
                "lightsGreen" => submitted.Count(o => o.Completed && !o.Late),
                "lightsRed" => submitted.Count(o => o.Completed ? o.Late : o.Light == "Red"),
                "lightsBlue" => submitted.Count(o => !o.Completed && o.Light == "Blue"),
                "lightsYellow" => submitted.Count(o => !o.Completed && o.Light == "Yellow"),
                "pointsIssued" => ledger.Where(l => Issued.Contains(l.Kind)).Sum(l => l.Amount),
                "pointsRedeemed" => -ledger.Where(l => l.Kind is "Redemption" or "RedemptionRefund").Sum(l => l.Amount),
                "goodsRedeemed" => Redemptions.Where(r => units.Contains(r.UnitId) && !r.Cancelled && In(r.On)).Sum(r => r.Quantity),
                _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not recounted here."),
            };
        }
    }

    /// <summary>Reads the statistics as the county admin and compares each figure with <see cref="Lists.Value"/>.</summary>
    private sealed class Checker(int seed, Lists lists, ApiClient center, long township, IReadOnlyList<long> villages)
    {
        public int Compared { get; private set; }

        private HashSet<long> Units(long unit) => unit == township ? villages.Append(township).ToHashSet() : new HashSet<long> { unit };

        private void Same(decimal? expected, decimal? actual, string what)
        {
            Compared++;
            Assert.True(expected == actual, $"seed {seed}: {what}: the recount from the lists says {Show(expected)}, the statistics {Show(actual)}. Lists: {lists.Describe()}");
        }

        private static string Show(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

        private static decimal? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();

        /// <summary>
        /// The period an overview compares with (环比): whole months against as many whole months before, part of a month
        /// from its 1st against the same days of the month before (fewer when that month is shorter), any other window
        /// against as many days ending the day before.
        /// </summary>
        private static (DateOnly From, DateOnly To) Previous(DateOnly from, DateOnly to)
        {
            if (from.Day == 1 && to.AddDays(1).Day == 1)
            {
                var months = (to.Year * 12) + to.Month - ((from.Year * 12) + from.Month) + 1;
                return (from.AddMonths(-months), from.AddDays(-1));
            }

            if (from.Day == 1 && (to.Year, to.Month) == (from.Year, from.Month))
            {
                var before = from.AddMonths(-1);
                return (before, before.AddDays(Math.Min(to.Day, DateTime.DaysInMonth(before.Year, before.Month)) - 1));
            }

            var days = to.DayNumber - from.DayNumber + 1;
            return (from.AddDays(-days), from.AddDays(-1));
        }

        public async Task OverviewsAsync(DateOnly from, DateOnly to)
        {
            var (previousFrom, previousTo) = Previous(from, to);
            foreach (var unit in villages.Prepend(township))
            {
                var overview = (await center.GetAsync($"/api/v1/stats/overview?orgUnitId={unit}&from={D(from)}&to={D(to)}")).Expect(HttpStatusCode.OK);
                Assert.Equal(D(previousFrom), overview.Text("previousFrom"));
                var indicators = overview.Json.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
                foreach (var key in Keys)
                {
                    Assert.True(indicators.ContainsKey(key), $"the overview has no {key}");
                    Same(lists.Value(key, Units(unit), from, to), Number(indicators[key].GetProperty("value")), $"overview of {unit} {D(from)}–{D(to)} {key}");
                    Same(lists.Value(key, Units(unit), previousFrom, previousTo), Number(indicators[key].GetProperty("previous")), $"overview of {unit} {D(from)}–{D(to)} {key} (the period before)");
                }

                // The named fields say what the indicators say.
                var json = overview.Json;
                Same(Number(indicators["hours"].GetProperty("value")), json.GetProperty("hours").GetDecimal(), "overview hours field");
                Same(Number(indicators["volunteersRegistered"].GetProperty("value")), json.GetProperty("volunteers").GetProperty("registered").GetDecimal(), "overview volunteers.registered");
                Same(Number(indicators["volunteersActive"].GetProperty("value")), json.GetProperty("volunteers").GetProperty("active").GetDecimal(), "overview volunteers.active");
                Same(Number(indicators["activities"].GetProperty("value")), json.GetProperty("activities").GetProperty("held").GetDecimal(), "overview activities.held");
                Same(Number(indicators["participants"].GetProperty("value")), json.GetProperty("activities").GetProperty("participants").GetDecimal(), "overview activities.participants");
                Same(Number(indicators["ordersCompleted"].GetProperty("value")), json.GetProperty("orders").GetProperty("completed").GetDecimal(), "overview orders.completed");
                Same(Number(indicators["onTimeRate"].GetProperty("value")), Number(json.GetProperty("orders").GetProperty("onTimeRate")), "overview orders.onTimeRate");
                Same(Number(indicators["pointsRedeemed"].GetProperty("value")), json.GetProperty("points").GetProperty("redeemed").GetDecimal(), "overview points.redeemed");
                Same(Number(indicators["goodsRedeemed"].GetProperty("value")), json.GetProperty("goodsRedeemed").GetDecimal(), "overview goodsRedeemed");
                Same(Number(indicators["lightsRed"].GetProperty("value")), json.GetProperty("lights").GetProperty("red").GetDecimal(), "overview lights.red");
            }
        }

        /// <summary>Every village of the township ranked by each indicator: values recounted, ranks shared by equal values, highest first.</summary>
        public async Task RankingsAsync(DateOnly from, DateOnly to)
        {
            foreach (var key in Keys)
            {
                var rows = (await center.GetAsync($"/api/v1/stats/ranking?orgUnitId={township}&level=Village&indicator={key}&from={D(from)}&to={D(to)}"))
                    .Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
                Assert.Equal(villages.Order(), rows.Select(r => r.GetProperty("orgUnitId").GetInt64()).Order());
                var expected = villages.ToDictionary(v => v, v => lists.Value(key, Units(v), from, to));
                var previous = decimal.MaxValue;
                foreach (var row in rows)
                {
                    var unit = row.GetProperty("orgUnitId").GetInt64();
                    var value = Number(row.GetProperty("value"));
                    Same(expected[unit], value, $"ranking {key} {D(from)}–{D(to)} value of {unit}");
                    Same(1 + expected.Values.Count(v => (v ?? decimal.MinValue) > (expected[unit] ?? decimal.MinValue)), row.GetProperty("rank").GetInt32(), $"ranking {key} {D(from)}–{D(to)} rank of {unit}");
                    Assert.True((value ?? decimal.MinValue) <= previous, $"seed {seed}: ranking {key} is not highest first");
                    previous = value ?? decimal.MinValue;
                }
            }
        }

        /// <summary>Each month of the trend against the recount of that calendar month (the current one up to today).</summary>
        public async Task TrendsAsync(long unit, int months, DateOnly today)
        {
            foreach (var key in Keys)
            {
                var points = (await center.GetAsync($"/api/v1/stats/trend?orgUnitId={unit}&indicator={key}&months={months}")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
                Assert.Equal(months, points.Count);
                var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
                for (var i = 0; i < months; i++)
                {
                    var month = first.AddMonths(i);
                    Assert.Equal(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), points[i].GetProperty("month").GetString());
                    var end = month.AddMonths(1).AddDays(-1);
                    Same(lists.Value(key, Units(unit), month, end < today ? end : today), Number(points[i].GetProperty("value")), $"trend of {unit} {key} {month:yyyy-MM}");
                }
            }
        }
    }
}
