using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features.DispatchOrder;
using Wenming.Web.Modules.Orders.Features.FollowOrder;
using Wenming.Web.Modules.Orders.Features.ServeOrder;
using Wenming.Web.Modules.Orders.Features.ServiceItems;
using Wenming.Web.Modules.Orders.Features.SubmitOrder;
using Wenming.Web.Modules.Orders.Features.SweepDeadlines;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders;

/// <summary>
/// The demo county's service loop: a catalog at each level (county 法律咨询, township 文艺演出, village
/// 便民服务 理发/代购/家电维修) and orders in every state, each made by the person who would make it
/// (resident1…5, village1, leader1, center) through the handlers, so every rule holds. Two orders are
/// moved back in time so that the board shows all four lights: one waiting for dispatch for 50 hours
/// (红, flagged by a first sweep) and one dispatched 21 hours ago (黄, 3 of its 24 hours left).
/// </summary>
internal sealed class OrdersDemo(IServiceScopeFactory scopes, IVolunteerDirectory volunteers, IPeopleDirectory people, IOrgDirectory orgs, AppDbContext db, TimeProvider clock)
    : IDemoSeedStep
{
    // After volunteers (100), activities (110) and service records: the teams and their members exist.
    public int Order => 200;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var village = demo.VillageIds[0];
        var township = demo.TownshipIds[0];
        var villageTeam = (await volunteers.TeamsLedByUnscopedAsync(demo.PersonIdByLogin["leader1"], ct))[0];
        var countyTeams = await volunteers.TeamsOfUnitUnscopedAsync(demo.CountyId, ct);
        var townshipTeams = await volunteers.TeamsOfUnitUnscopedAsync(township, ct);
        var members = await volunteers.TeamMembersUnscopedAsync(villageTeam.Id, ct);

        long haircut = 0, shopping = 0, repair = 0, legal = 0;
        await AsAsync(demo, "center", async sp =>
        {
            var items = sp.GetRequiredService<ServiceItemsHandler>();
            legal = Check(await items.CreateAsync(new(demo.CountyId, "法律咨询", TeamCategory.Legal, Ids(countyTeams), "婚姻家庭、土地承包、劳动报酬等法律问题咨询"), ct)).Id;
            Check(await items.CreateAsync(new(demo.CountyId, "理论政策宣讲进家门", TeamCategory.TheoryPreaching, Ids(countyTeams), "为老党员、行动不便的群众上门宣讲"), ct));
            Check(await items.CreateAsync(new(township, "文艺演出进村", TeamCategory.CultureArts, Ids(townshipTeams), "村里办喜事、过节时的文艺节目"), ct));
        });
        await AsAsync(demo, "village1", async sp =>
        {
            var items = sp.GetRequiredService<ServiceItemsHandler>();
            haircut = Check(await items.CreateAsync(new(village, "理发", TeamCategory.Convenience, [villageTeam.Id], "为行动不便的老人上门理发"), ct)).Id;
            shopping = Check(await items.CreateAsync(new(village, "代购", TeamCategory.Convenience, [villageTeam.Id], "代买药品、生活用品，送货上门"), ct)).Id;
            repair = Check(await items.CreateAsync(new(village, "家电维修", TeamCategory.Convenience, [villageTeam.Id], "电视、电饭煲、电风扇等小家电维修"), ct)).Id;
            Check(await items.CreateAsync(new(village, "代办证件", TeamCategory.Convenience, [villageTeam.Id], "代办社保、医保、残疾证等手续"), ct));
        });

        var address = "桃花村";
        async Task<long> Submit(string login, long? item, string description, string place) =>
            await AsAsync(demo, login, async sp => Check(await sp.GetRequiredService<SubmitOrderHandler>().HandleAsync(
                new SubmitOrderRequest(item, description, village, null, "13800001234", address + place), ct)).Id);
        Task Dispatch(long id, long? team) => AsAsync(demo, "village1", async sp =>
            Check(await sp.GetRequiredService<DispatchOrderHandler>().DispatchAsync(id, new DispatchOrderRequest(team, team is null ? DispatchMode.Pool : null), ct)));
        Task Serve(Func<ServeOrderHandler, Task<Result<Features.OrderDto>>> step) => AsAsync(demo, "leader1", async sp => Check(await step(sp.GetRequiredService<ServeOrderHandler>())));
        Task Follow(string login, Func<FollowOrderHandler, Task<Result<Features.OrderDto>>> step) => AsAsync(demo, login, async sp => Check(await step(sp.GetRequiredService<FollowOrderHandler>())));
        var served = members.Take(2).Select((m, i) => new ServedBy(m.VolunteerId, i == 0 ? 2m : 1.5m)).ToList();

        // 蓝: just ordered.
        await Submit("resident1", haircut, "老人腿脚不便，想请志愿者上门理发", "3组12号");
        // 红: a free description (需求清单) nobody dispatched for 50 hours (red for more than a day, so supervision raises it too); the first sweep flags it.
        var late = await Submit("resident2", null, "家里水龙头漏水，想找人帮忙修一下", "5组3号");
        await ShiftAsync(late, TimeSpan.FromHours(50), ct);
        // 黄: dispatched to the village team 21 hours ago, not accepted yet.
        var waiting = await Submit("resident3", shopping, "帮忙代买降压药和一袋大米", "2组7号");
        await Dispatch(waiting, villageTeam.Id);
        await ShiftAsync(waiting, TimeSpan.FromHours(21), ct);
        // In the pool of the village's teams, for leader1 to claim.
        var pooled = await Submit("resident4", repair, "电饭煲不加热了", "1组20号");
        await Dispatch(pooled, null);
        // Accepted with a due date in three days.
        var accepted = await Submit("resident5", haircut, "给卧床的母亲理发", "4组9号");
        await Dispatch(accepted, villageTeam.Id);
        await Serve(h => h.AcceptAsync(accepted, new AcceptOrderRequest(clock.GetUtcNow().AddDays(3)), ct));
        // 绿: completed on time, waiting for resident1's rating; and one rated.
        var completed = await Submit("resident1", shopping, "代买一周的蔬菜和鸡蛋", "3组12号");
        await Dispatch(completed, villageTeam.Id);
        await Serve(h => h.AcceptAsync(completed, new AcceptOrderRequest(null), ct));
        await Serve(h => h.CompleteAsync(completed, new CompleteOrderRequest("已代买蔬菜、鸡蛋并送到家中", served), ct));
        var rated = await Submit("resident2", repair, "电视机没有声音", "5组3号");
        await Dispatch(rated, villageTeam.Id);
        await Serve(h => h.AcceptAsync(rated, new AcceptOrderRequest(null), ct));
        await Serve(h => h.CompleteAsync(rated, new CompleteOrderRequest("更换了功放板，电视恢复正常", served), ct));
        await Follow("resident2", h => h.RateAsync(rated, new RateOrderRequest(5, "志愿者很耐心，修得又快又好！"), ct));
        // Withdrawn by the resident; rejected by the station; passed up to the township.
        var withdrawn = await Submit("resident4", haircut, "想理个发", "1组20号");
        await Follow("resident4", h => h.WithdrawAsync(withdrawn, ct));
        var rejected = await Submit("resident5", null, "想请志愿者帮忙砍邻居家的树", "4组9号");
        await AsAsync(demo, "village1", async sp => Check(await sp.GetRequiredService<DispatchOrderHandler>().RejectAsync(
            rejected, new ReasonRequest("涉及邻里财产，不属于志愿服务范围，建议找村调解委员会协商。"), ct)));
        // Ordered from the county's catalog: the county center dispatches it.
        await Submit("resident3", legal, "承包地流转合同有纠纷，想咨询律师", "2组7号");
        var upward = await Submit("resident1", null, "村里老人想看一场戏曲演出", "村文化大院");
        await AsAsync(demo, "village1", async sp => Check(await sp.GetRequiredService<DispatchOrderHandler>().EscalateAsync(upward, ct)));

        // On behalf of an elderly resident who phoned the station.
        var residents = await people.InUnitAsync(village, 30, ct);
        var elderly = residents.Where(p => !demo.PersonIdByLogin.Values.Contains(p.Id)).OrderBy(p => p.BirthDate).FirstOrDefault();
        if (elderly is not null)
        {
            await AsAsync(demo, "village1", async sp => Check(await sp.GetRequiredService<SubmitOrderHandler>().HandleAsync(
                new SubmitOrderRequest(repair, "老人来电：电风扇不转了（站里代为点单）", village, null, elderly.Phone, "6组1号", elderly.Id), ct)));
        }

        await SeedDepartmentsAsync(demo, ct);

        // A first sweep, as the job would: flags the 50-hour-old order.
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SweepDeadlinesHandler>().RunOnceAsync(ct);
    }

    private readonly Dictionary<string, long> _departmentByLogin = [];

    /// <summary>
    /// 部门联动 (ADR 0060; the departments' teams come from Demo/DepartmentsDemo): orders the county passed to
    /// departments — one claimed by the 卫健局's admin (the first handler), one the 文旅局 left unclaimed for 30 hours
    /// (红: the claim time is 24 hours), and one waiting at each of the 团委, the 教体局 and the 司法局, so that every
    /// department's home (dept1…dept5) has an order to act on.
    /// </summary>
    private async Task SeedDepartmentsAsync(DemoCountyData demo, CancellationToken ct)
    {
        var departments = (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Level == OrgLevel.Department && u.CountyId == demo.CountyId).OrderBy(u => u.Id).ToList();
        if (departments.Count < 5)
        {
            return;
        }

        for (var i = 0; i < departments.Count; i++)
        {
            _departmentByLogin["dept" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)] = departments[i].Id;
        }

        var village = demo.VillageIds[0];
        async Task<long> Passed(string resident, string description, string place, int department)
        {
            var id = await AsAsync(demo, resident, async sp => Check(await sp.GetRequiredService<SubmitOrderHandler>().HandleAsync(
                new SubmitOrderRequest(null, description, village, null, "13800001234", "桃花村" + place), ct)).Id);
            await AsAsync(demo, "village1", async sp => Check(await sp.GetRequiredService<DispatchOrderHandler>().EscalateAsync(id, ct)));
            await AsAsync(demo, "town1", async sp => Check(await sp.GetRequiredService<DispatchOrderHandler>().EscalateAsync(id, ct)));
            await AsAsync(demo, "center", async sp => Check(await sp.GetRequiredService<DispatchOrderHandler>().ToDepartmentAsync(
                id, new ToDepartmentRequest(departments[department].Id), ct)));
            return id;
        }

        var claimed = await Passed("resident3", "村里老人想请医生来做一次免费体检和健康讲座", "村委会", 3);
        await AsAsync(demo, "dept4", async sp => Check(await sp.GetRequiredService<DispatchOrderHandler>().ClaimFirstAsync(claimed, ct)));
        await Passed("resident4", "想咨询宅基地继承的法律问题，希望有律师来村里", "1组20号", 4);
        await Passed("resident1", "暑假里村里的留守儿童没人辅导功课，希望有青年志愿者来帮帮忙", "村委会", 0);
        await Passed("resident2", "希望桃花小学晚上开放操场，方便村民散步锻炼", "桃花小学旁", 1);
        var red = await Passed("resident5", "想请文化馆老师来村里教广场舞", "文化广场", 2);
        await ShiftAsync(red, TimeSpan.FromHours(30), ct);
    }

    /// <summary>Runs a step as a demo login, in its own DI scope, so the handlers see that account's roles and subtree.</summary>
    private async Task<T> AsAsync<T>(DemoCountyData demo, string login, Func<IServiceProvider, Task<T>> step)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var role = login switch
        {
            "center" => Role.CenterAdmin,
            "village1" => Role.StationAdmin,
            "leader1" => Role.TeamLeader,
            "town1" => Role.InstituteAdmin,
            _ when _departmentByLogin.ContainsKey(login) => Role.InstituteAdmin,
            _ => Role.Resident,
        };
        var unitId = role switch
        {
            _ when _departmentByLogin.TryGetValue(login, out var department) => department,
            Role.CenterAdmin => demo.CountyId,
            Role.InstituteAdmin => demo.TownshipIds[0],
            _ => demo.VillageIds[0],
        };
        var unit = await orgs.FindUnscopedAsync(unitId) ?? throw new InvalidOperationException("Demo unit missing");
        sp.GetRequiredService<CurrentActor>().SignedIn(
            demo.UserIdByLogin[login], login, [role], unitId, unit.CountyId, demo.PersonIdByLogin.TryGetValue(login, out var person) ? person : null);
        sp.GetRequiredService<OrgScope>().RestrictTo(unit.Path);
        return await step(sp);
    }

    private Task<bool> AsAsync(DemoCountyData demo, string login, Func<IServiceProvider, Task> step) =>
        AsAsync(demo, login, async sp =>
        {
            await step(sp);
            return true;
        });

    /// <summary>Moves an order's clock back (demo only), so that its deadline has passed or nearly passed as if it had waited.</summary>
    private async Task ShiftAsync(long orderId, TimeSpan back, CancellationToken ct)
    {
        var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        await db.Set<Order>().Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.SubmittedAt, order.SubmittedAt - back)
            .SetProperty(o => o.StepStartedAt, order.StepStartedAt - back)
            .SetProperty(o => o.DeadlineAt, order.DeadlineAt - back), ct);
        var history = await db.Set<OrderHistory>().AsNoTracking().Where(h => h.OrderId == orderId).ToListAsync(ct);
        foreach (var h in history)
        {
            await db.Set<OrderHistory>().Where(x => x.Id == h.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.At, h.At - back), ct);
        }
    }

    private static List<long> Ids(IEnumerable<TeamInfo> teams) => [.. teams.Select(t => t.Id)];

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo orders: {result.Error!.Code} {result.Error.Message}");
}
