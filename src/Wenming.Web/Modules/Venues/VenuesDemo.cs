using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Modules.Venues.Features;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Venues;

/// <summary>
/// The demo county's venues (展示厅, 大剧院, 健身场馆 at the center, a 四点半课堂 at the first township) with a year of
/// confirmed use behind them (written as history, since the booking rules refuse the past) and the coming weeks
/// booked through the handler by several units, one booking of the township's classroom waiting for its approval.
/// </summary>
internal sealed class VenuesDemo(IServiceScopeFactory scopes, AppDbContext db, IOrgDirectory orgs, TimeProvider clock) : IDemoSeedStep
{
    public int Order => 330;

    private static readonly string[] Purposes =
    [
        "理论宣讲报告会", "道德讲堂", "志愿者培训", "老年人健康讲座", "青少年书法课", "文艺汇演排练", "广场舞比赛", "法律知识讲座",
        "移风易俗宣传", "防诈骗宣传", "科普展览", "读书分享会", "党员主题党日", "文明家庭表彰会", "留守儿童作业辅导", "乒乓球友谊赛",
    ];

    private static readonly (int Start, int End)[] Slots = [(9 * 60, 11 * 60), (14 * 60 + 30, 16 * 60 + 30), (19 * 60, 21 * 60)];

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var county = demo.CountyId;
        var township = demo.TownshipIds[0];
        var units = new List<long> { county };
        units.AddRange(demo.TownshipIds);
        units.AddRange(demo.VillageIds);

        var ids = new List<long>();
        await AsAsync(demo, "center", Role.CenterAdmin, county, async sp =>
        {
            var venues = sp.GetRequiredService<VenuesHandler>();
            ids.Add(Check(await venues.CreateAsync(new(county, "新时代文明实践展示厅", 80, "云溪县文明实践中心一楼", "展板、触摸屏、讲解器 20 套", "09:00", "17:30"), ct)).Id);
            ids.Add(Check(await venues.CreateAsync(new(county, "云溪大剧院", 1200, "云溪县人民路 18 号", "舞台、灯光音响、LED 大屏、化妆间", "08:30", "22:00"), ct)).Id);
            ids.Add(Check(await venues.CreateAsync(new(county, "全民健身场馆", 300, "云溪县体育中心", "篮球场 2 片、乒乓球台 8 张、健身器材", "06:00", "22:00"), ct)).Id);
        });
        await AsAsync(demo, "town1", Role.InstituteAdmin, township, async sp =>
            ids.Add(Check(await sp.GetRequiredService<VenuesHandler>().CreateAsync(
                new(township, "桃源镇四点半课堂", 40, "桃源镇文明实践所二楼", "课桌椅 40 套、图书角、投影仪", "08:00", "20:00", RequiresApproval: true), ct)).Id));

        // Photos of the center's halls and the township's classroom, added through the handler as their admins would.
        await AsAsync(demo, "center", Role.CenterAdmin, county, async sp =>
        {
            for (var v = 0; v < 3; v++)
            {
                Check(await sp.GetRequiredService<VenuePhotosHandler>().AddAsync(ids[v], DemoPhotos(v, v == 1 ? 3 : 2), ct));
            }
        });
        await AsAsync(demo, "town1", Role.InstituteAdmin, township, async sp =>
            Check(await sp.GetRequiredService<VenuePhotosHandler>().AddAsync(ids[3], DemoPhotos(3, 2), ct)));

        // A year of use: each venue busy two or three times most weeks, by the units of the county, never overlapping.
        var random = new Random(17);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Text.ChinaOffset).DateTime);
        var names = new Dictionary<long, string>();
        foreach (var unit in units)
        {
            names[unit] = (await orgs.FindUnscopedAsync(unit, ct))?.Name ?? "";
        }

        var venues = await db.Set<Venue>().Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        for (var day = today.AddDays(-365); day < today; day = day.AddDays(1))
        {
            foreach (var venue in venues)
            {
                foreach (var slot in Slots)
                {
                    if (random.Next(10) >= 3 || slot.Start < venue.OpensMinute || slot.End > venue.ClosesMinute)
                    {
                        continue;
                    }

                    var unit = units[random.Next(units.Count)];
                    var starts = At(day, slot.Start);
                    db.Add(VenueBooking.Create(venue, unit, names[unit], starts, At(day, slot.End), Purposes[random.Next(Purposes.Length)], confirmed: true, null, "demo", starts.AddDays(-7)));
                }
            }
        }

        await db.SaveChangesAsync(ct);

        // The coming weeks, booked through the rules as units would.
        for (var i = 1; i <= 20; i++)
        {
            var day = today.AddDays(i);
            var venueId = ids[i % ids.Count];
            var (login, role, unitId) = (i % 3) switch
            {
                0 => ("village1", Role.StationAdmin, demo.VillageIds[0]),
                1 => ("town1", Role.InstituteAdmin, township),
                _ => ("center", Role.CenterAdmin, county),
            };
            var slot = Slots[i % 2];
            await AsAsync(demo, login, role, unitId, async sp =>
                Check(await sp.GetRequiredService<BookingsHandler>().BookAsync(venueId, new(unitId, Offset(day, slot.Start), Offset(day, slot.End), Purposes[i % Purposes.Length]), ct)));
        }

        // The township's classroom asks for approval: a village's booking waits for it.
        var classroom = ids[3];
        await AsAsync(demo, "village1", Role.StationAdmin, demo.VillageIds[0], async sp =>
            Check(await sp.GetRequiredService<BookingsHandler>().BookAsync(classroom, new(demo.VillageIds[0], Offset(today.AddDays(3), 16 * 60 + 30), Offset(today.AddDays(3), 18 * 60), "留守儿童作业辅导"), ct)));
    }

    /// <summary>Small pictures (a wall, a floor, a window per venue and photo) made in code: no binary files in the repository.</summary>
    private static List<VenuePhotoUpload> DemoPhotos(int venue, int count) =>
    [
        .. Enumerable.Range(0, count).Select(i =>
        {
            var tint = (byte)((venue * 50) + (i * 30));
            var bytes = SampleFiles.Png(240, 180, (x, y) =>
                y > 120 ? ((byte)(110 + (x / 8)), (byte)(80 + (y / 6)), (byte)60)
                : x is > 80 and < 160 && y is > 30 and < 90 ? ((byte)180, (byte)210, (byte)235)
                : ((byte)(200 - (tint / 3)), (byte)(190 - (y / 4)), tint));
            return new VenuePhotoUpload($"场馆{i + 1}.png", new MemoryStream(bytes));
        }),
    ];

    private static DateTime At(DateOnly day, int minute) => Offset(day, minute).UtcDateTime;

    private static DateTimeOffset Offset(DateOnly day, int minute) => new(day.ToDateTime(new TimeOnly(minute / 60, minute % 60)), Text.ChinaOffset);

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException("Demo venue data refused: " + result.Error!.Code + " " + result.Error.Message);

    private async Task AsAsync(DemoCountyData demo, string login, Role role, long unitId, Func<IServiceProvider, Task> step)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var unit = await orgs.FindUnscopedAsync(unitId) ?? throw new InvalidOperationException("Demo unit missing");
        sp.GetRequiredService<CurrentActor>().SignedIn(
            demo.UserIdByLogin[login], login, [role], unit.Id, unit.CountyId, demo.PersonIdByLogin.TryGetValue(login, out var person) ? person : null);
        sp.GetRequiredService<OrgScope>().RestrictTo(unit.Path);
        await step(sp);
    }
}
