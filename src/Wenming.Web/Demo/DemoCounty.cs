using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Modules.Organization.Features;
using Wenming.Web.Modules.Organization.Features.CreateOrgUnit;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Modules.People.Features.RegisterPerson;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Demo;

/// <summary>
/// A realistic, fictional county (云溪县 under 青山市): 4 townships, 12 villages and communities,
/// practice points, about 100 residents with valid but fictional ID numbers, and one account per
/// role. It goes through the same handlers as the API, so the demo data obeys every rule.
/// </summary>
public sealed class DemoCounty(
    AppDbContext db, CreateOrgUnitHandler createUnit, RegisterPersonHandler registerPerson, CreateAccountHandler createAccount,
    IEnumerable<IDemoSeedStep> moduleSteps)
{
    public const string Password = "Wenming@2026";

    public sealed record DemoLogin(string Login, Role Role, string BoundTo);

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin", Role.SystemAdmin, "青山市新时代文明实践指导中心"),
        new("center", Role.CenterAdmin, "云溪县新时代文明实践中心"),
        new("town1", Role.InstituteAdmin, "桃源镇新时代文明实践所"),
        new("town2", Role.InstituteAdmin, "清溪镇新时代文明实践所"),
        new("village1", Role.StationAdmin, "桃花村新时代文明实践站"),
        new("village2", Role.StationAdmin, "溪口村新时代文明实践站"),
        new("leader1", Role.TeamLeader, "桃花村新时代文明实践站"),
        new("volunteer1", Role.Volunteer, "桃花村新时代文明实践站"),
        new("volunteer2", Role.Volunteer, "桃花村新时代文明实践站"),
        new("volunteer3", Role.Volunteer, "桃花村新时代文明实践站"),
        new("volunteer4", Role.Volunteer, "桃花村新时代文明实践站"),
        new("volunteer5", Role.Volunteer, "桃花村新时代文明实践站"),
        new("resident1", Role.Resident, "桃花村新时代文明实践站"),
        new("resident2", Role.Resident, "桃花村新时代文明实践站"),
        new("resident3", Role.Resident, "桃花村新时代文明实践站"),
        new("resident4", Role.Resident, "桃花村新时代文明实践站"),
        new("resident5", Role.Resident, "桃花村新时代文明实践站"),
        new("supervisor1", Role.Supervisor, "云溪县新时代文明实践中心"),
        // County departments (部门联动, ADR 0060): one admin each.
        new("dept1", Role.InstituteAdmin, "共青团云溪县委员会"),
        new("dept2", Role.InstituteAdmin, "云溪县教育体育局"),
        new("dept3", Role.InstituteAdmin, "云溪县文化和旅游局"),
        new("dept4", Role.InstituteAdmin, "云溪县卫生健康局"),
        new("dept5", Role.InstituteAdmin, "云溪县司法局"),
    ];

    /// <summary>The demo county's departments, in the order of their logins dept1…dept5.</summary>
    public static readonly IReadOnlyList<string> Departments = ["共青团云溪县委员会", "云溪县教育体育局", "云溪县文化和旅游局", "云溪县卫生健康局", "云溪县司法局"];

    private static readonly (string Name, string Code, (string Name, string Code)[] Villages)[] Townships =
    [
        ("桃源镇", "001", [("桃花村", "001"), ("柳岸村", "002"), ("杏林社区", "003")]),
        ("清溪镇", "002", [("溪口村", "001"), ("竹林村", "002"), ("清溪社区", "003")]),
        ("石门乡", "003", [("石门村", "001"), ("枫岭村", "002"), ("茶园村", "003")]),
        ("城关街道", "004", [("南门社区", "001"), ("北街社区", "002"), ("滨江社区", "003")]),
    ];

    /// <summary>
    /// Where the demo units are (the statistics' map): around the county seat at 29.61°N 119.28°E, each village a few
    /// kilometres from its township's institute, each practice point beside its station. The city's center stays
    /// without coordinates: it is in another county, and the map lists it as 未标注位置.
    /// </summary>
    private static readonly Dictionary<string, (double Lat, double Lng)> Places = new()
    {
        ["云溪县青年志愿服务实训基地"] = (29.6042, 119.2915),
        ["桃源镇新时代文明实践所"] = (29.6630, 119.1962),
        ["桃花村新时代文明实践站"] = (29.6885, 119.1720),
        ["柳岸村新时代文明实践站"] = (29.6402, 119.1655),
        ["杏林社区新时代文明实践站"] = (29.6712, 119.2291),
        ["清溪镇新时代文明实践所"] = (29.5598, 119.3624),
        ["溪口村新时代文明实践站"] = (29.5351, 119.3405),
        ["竹林村新时代文明实践站"] = (29.5822, 119.3930),
        ["清溪社区新时代文明实践站"] = (29.5480, 119.3852),
        ["石门乡新时代文明实践所"] = (29.7018, 119.3372),
        ["石门村新时代文明实践站"] = (29.7265, 119.3190),
        ["枫岭村新时代文明实践站"] = (29.7140, 119.3720),
        ["茶园村新时代文明实践站"] = (29.6810, 119.3555),
        ["城关街道新时代文明实践所"] = (29.6158, 119.2768),
        ["南门社区新时代文明实践站"] = (29.6021, 119.2735),
        ["北街社区新时代文明实践站"] = (29.6268, 119.2810),
        ["滨江社区新时代文明实践站"] = (29.6105, 119.2982),
        ["桃花村文化大院"] = (29.6902, 119.1748),
        ["桃花村田间学校"] = (29.6861, 119.1689),
        ["溪口村农家书屋"] = (29.5370, 119.3433),
        ["南门社区四点半课堂"] = (29.6004, 119.2712),
    };

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static readonly string[] GivenNames =
    [
        "建国", "秀英", "桂兰", "志强", "丽华", "海燕", "明", "芳", "伟", "静", "军", "敏", "磊", "霞", "勇", "婷", "杰", "娟", "涛", "艳",
        "春梅", "国华", "玉兰", "文斌", "红梅", "德明", "淑珍", "立新", "晓东", "雪梅", "家豪", "子涵", "雨萱", "浩然", "欣怡", "宇轩",
    ];

    /// <summary>
    /// The given names above that are a woman's. A person's 性别 is read from the ID number (its 17th digit, odd for a man),
    /// so the demo's numbers follow the name: 桂兰 registered as 男 on the person's page was a visible slip.
    /// </summary>
    internal static readonly HashSet<string> WomensNames =
        ["秀英", "桂兰", "丽华", "海燕", "芳", "静", "敏", "霞", "婷", "娟", "艳", "春梅", "玉兰", "红梅", "淑珍", "雪梅", "子涵", "雨萱", "欣怡"];

    /// <summary>Whether the demo logins exist (seeded now or on an earlier start), so their table is worth printing.</summary>
    public Task<bool> HasDemoLoginsAsync(CancellationToken ct) =>
        db.Users.AnyAsync(u => u.UserName == Logins[0].Login, ct);

    /// <summary>No org unit yet: the database the demo county may be seeded into.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct) =>
        !await db.OrgUnits.Unscoped(because: Why.SystemOperation).AnyAsync(ct);

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (!await IsEmptyAsync(ct))
        {
            return false;
        }

        var city = await Unit(null, OrgLevel.City, "青山市新时代文明实践指导中心", "339900000000", ct);
        var county = await Unit(city.Id, OrgLevel.County, "云溪县新时代文明实践中心", "339901000000", ct, "云溪县人民路1号", 29.61, 119.28);
        await Unit(county.Id, OrgLevel.Point, "云溪县青年志愿服务实训基地", null, ct, "云溪县滨江路88号");

        var villages = new List<OrgUnitDto>();
        var townships = new List<OrgUnitDto>();
        foreach (var (townName, townCode, townVillages) in Townships)
        {
            var township = await Unit(county.Id, OrgLevel.Township, townName + "新时代文明实践所", "339901" + townCode + "000", ct);
            townships.Add(township);
            foreach (var (villageName, villageCode) in townVillages)
            {
                villages.Add(await Unit(township.Id, OrgLevel.Village, villageName + "新时代文明实践站", "339901" + townCode + villageCode, ct));
            }
        }

        var departments = new List<OrgUnitDto>();
        foreach (var name in Departments)
        {
            departments.Add(await Unit(county.Id, OrgLevel.Department, name, null, ct));
        }

        await Unit(villages[0].Id, OrgLevel.Point, "桃花村文化大院", null, ct);
        await Unit(villages[0].Id, OrgLevel.Point, "桃花村田间学校", null, ct);
        await Unit(villages[3].Id, OrgLevel.Point, "溪口村农家书屋", null, ct);
        await Unit(villages[9].Id, OrgLevel.Point, "南门社区四点半课堂", null, ct);

        // About 100 residents: 20 in the first village (the demo accounts' people come from there), 7 in each other one.
        var random = new Random(20261123);
        var people = new List<(long Id, string Name)>();
        var serial = 0;
        foreach (var village in villages)
        {
            var count = village == villages[0] ? 20 : 7;
            for (var i = 0; i < count; i++)
            {
                serial++;
                var surname = Surnames[random.Next(Surnames.Length)];
                var given = GivenNames[random.Next(GivenNames.Length)];
                var name = surname + given;
                var birth = new DateOnly(1945, 1, 1).AddDays(random.Next(0, 365 * 62));
                var id = FictionalIdNumber(birth, 2 * serial + (WomensNames.Contains(given) ? 0 : 1));
                var phone = "139" + (57000000 + serial * 37).ToString("D8", CultureInfo.InvariantCulture);
                var person = await registerPerson.HandleAsync(new RegisterPersonRequest(name, id, phone, village.Id, PoliticalStatus: i % 5 == 0 ? PoliticalStatus.PartyMember : PoliticalStatus.Masses), ct);
                if (village == villages[0])
                {
                    people.Add((person.Value.Id, person.Value.Name));
                }
            }
        }

        var boundTo = new Dictionary<string, long>
        {
            ["青山市新时代文明实践指导中心"] = city.Id,
            ["云溪县新时代文明实践中心"] = county.Id,
            ["桃源镇新时代文明实践所"] = townships[0].Id,
            ["清溪镇新时代文明实践所"] = townships[1].Id,
            ["桃花村新时代文明实践站"] = villages[0].Id,
            ["溪口村新时代文明实践站"] = villages[3].Id,
        };
        foreach (var department in departments)
        {
            boundTo[department.Name] = department.Id;
        }

        var nextPerson = 0;
        var personByLogin = new Dictionary<string, long>();
        var userByLogin = new Dictionary<string, long>();
        foreach (var login in Logins)
        {
            // Leaders, volunteers and residents are real people of the first village.
            (long Id, string Name)? person = login.Role is Role.TeamLeader or Role.Volunteer or Role.Resident ? people[nextPerson++] : null;
            var personId = person?.Id;
            var display = person?.Name ?? Text(login);
            var created = await createAccount.HandleAsync(new CreateAccountRequest(login.Login, Password, display, login.Role, boundTo[login.BoundTo], personId), ct);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Demo account {login.Login}: {created.Error!.Code} {created.Error.Message}");
            }

            userByLogin[login.Login] = created.Value.Id;
            if (personId is { } linked)
            {
                personByLogin[login.Login] = linked;
            }
        }

        var demo = new DemoCountyData(
            city.Id, county.Id, townships.Select(t => t.Id).ToList(), villages.Select(v => v.Id).ToList(), personByLogin, userByLogin);
        foreach (var step in moduleSteps.OrderBy(s => s.Order))
        {
            await step.SeedAsync(demo, ct);
        }

        return true;
    }

    private static string Text(DemoLogin login) => login.Role switch
    {
        Role.SystemAdmin => "系统管理员",
        Role.CenterAdmin => "县中心管理员",
        Role.InstituteAdmin when login.Login.StartsWith("dept", StringComparison.Ordinal) => login.BoundTo.Replace("云溪县", "", StringComparison.Ordinal) + "管理员",
        Role.InstituteAdmin => login.BoundTo[..3] + "所管理员",
        Role.StationAdmin => login.BoundTo[..3] + "站管理员",
        _ => "督查考评员",
    };

    private async Task<OrgUnitDto> Unit(long? parentId, OrgLevel level, string name, string? code, CancellationToken ct, string? address = null, double? lat = null, double? lng = null)
    {
        if (lat is null && Places.TryGetValue(name, out var place))
        {
            (lat, lng) = place;
        }

        var result = await createUnit.HandleAsync(new CreateOrgUnitRequest(parentId, level, name, code, address, lat, lng, level == OrgLevel.County ? "陈文明" : null, level == OrgLevel.County ? "0570-8123456" : null), ct);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo unit {name}: {result.Error!.Code}");
    }

    /// <summary>
    /// A checksum-valid ID number in the fictional region 339901 (云溪县); <paramref name="serial"/>'s last three digits are
    /// its sequence code, whose last digit is odd for a man and even for a woman.
    /// </summary>
    public static string FictionalIdNumber(DateOnly birth, int serial)
    {
        var first17 = "339901" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (serial % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ChineseIdNumber.ComputeCheckChar(first17);
    }

    public static string LoginTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("==== 演示账号 (demo logins) — 密码/password: " + Password + " ====");
        foreach (var l in Logins)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {l.Login,-12} {l.Role,-15} {l.BoundTo}");
        }

        return sb.ToString();
    }
}
