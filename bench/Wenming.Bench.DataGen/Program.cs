using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wenming.Web;
using Wenming.Web.Demo;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Modules.Organization.Features.CreateOrgUnit;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Modules.Statistics.Features.Rollups;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

// Generates counties at realistic scale beside the demo one: each 20 townships × 25 villages, 100 people
// per village (50,000), plus two accounts (password Wenming@2026): bench-center and bench-village for the
// first county, bench-center-N and bench-village-N for county N. Options:
//   --Bench:Counties=N          N counties of the same shape (基准县, 基准2县, …; default 1)
//   --Bench:PeoplePerVillage=K  smaller counties for the scaling study (default 100)
//   --Bench:Demo=true           also seed the demo county first (residents, goods, orders: compare.sh's list pages)
//   --Bench:Stats=R             issue 12's large county: the 基准县 gets R/5 volunteers, R service records, R/5 orders and
//                               R ledger rows (1,000,000: the sizes), then the roll-ups are rebuilt (StatsData.cs);
//                               villages get at least R/5/500 people so that every volunteer is one of them
// Usage: dotnet run --project bench/Wenming.Bench.DataGen -- [--Database:Provider=…] [--ConnectionStrings:Wenming=…] [--Data:Directory=…] [--Bench:…]
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
builder.AddWenming();
await using var app = builder.Build();
using var scope = app.Services.CreateScope();
var sp = scope.ServiceProvider;
sp.GetRequiredService<OrgScope>().AllowEverything();
sp.GetRequiredService<CurrentActor>().Operator("bench");
var db = sp.GetRequiredService<AppDbContext>();
await DatabaseSetup.MigrateAsync(db);
var counties = app.Configuration.GetValue("Bench:Counties", 1);
var statsRecords = app.Configuration.GetValue("Bench:Stats", 0);
var perVillage = Math.Max(app.Configuration.GetValue("Bench:PeoplePerVillage", 100), statsRecords / 5 / 500);
if (app.Configuration.GetValue("Bench:Demo", false))
{
    await ActivatorUtilities.CreateInstance<DemoCounty>(sp).SeedIfEmptyAsync(CancellationToken.None);
}

var clock = Stopwatch.StartNew();
var createUnit = sp.GetRequiredService<CreateOrgUnitHandler>();
var createAccount = sp.GetRequiredService<CreateAccountHandler>();
var pii = sp.GetRequiredService<PiiProtector>();
var total = 0;
for (var k = 1; k <= counties; k++)
{
    // County k gets its own division code (339902…, 339903…); the demo county is 339901.
    var region = "3399" + (k + 1).ToString("D2", CultureInfo.InvariantCulture);
    if (await db.OrgUnits.AnyAsync(u => u.DivisionCode == region + "000000"))
    {
        Console.WriteLine($"bench county {k} already present");
        continue;
    }

    var suffix = k == 1 ? "" : "-" + k.ToString(CultureInfo.InvariantCulture);
    var countyName = k == 1 ? "基准县" : $"基准{k}县";
    var unitPrefix = k == 1 ? "基准" : countyName;
    var county = (await createUnit.HandleAsync(new CreateOrgUnitRequest(null, OrgLevel.County, countyName + "新时代文明实践中心", region + "000000"), default)).Value;
    var serial = 0;
    long firstVillage = 0;
    for (var t = 1; t <= 20; t++)
    {
        var town = (await createUnit.HandleAsync(new CreateOrgUnitRequest(county.Id, OrgLevel.Township, $"{unitPrefix}{t}镇", $"{region}{t:D3}000"), default)).Value;
        for (var v = 1; v <= 25; v++)
        {
            var village = (await createUnit.HandleAsync(new CreateOrgUnitRequest(town.Id, OrgLevel.Village, $"{unitPrefix}{t}镇{v}村", $"{region}{t:D3}{v:D3}"), default)).Value;
            firstVillage = firstVillage == 0 ? village.Id : firstVillage;
            for (var p = 0; p < perVillage; p++)
            {
                serial++;
                // (birth date, 3-digit sequence) must be unique: a new date every thousand people, kept within 60 years
                // of 1950 for the large county's 200,000 (181 is prime to 21,900 days, so the dates do not repeat).
                var birth = new DateOnly(1950, 1, 1).AddDays(serial / 1000 * 181 % 21_900);
                var idText = DemoCounty.FictionalIdNumber(birth, serial).Replace("339901", region, StringComparison.Ordinal);
                idText = idText[..17] + ChineseIdNumber.ComputeCheckChar(idText.AsSpan(0, 17));
                var id = ChineseIdNumber.Parse(idText, new DateOnly(2026, 1, 1)).Value;
                var name = "王李张刘陈杨黄赵吴周"[serial % 10] + "测" + (serial % 997).ToString(CultureInfo.InvariantCulture);
                var phone = "1" + (36 + k).ToString(CultureInfo.InvariantCulture) + serial.ToString("D8", CultureInfo.InvariantCulture);
                db.Add(Person.Register(county.Id, village.Id, name, id, pii.Encrypt(id.Value), pii.Hash(id.Value),
                    phone, null, PoliticalStatus.Masses, null, TimeProvider.System.GetUtcNow().UtcDateTime));
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        Console.WriteLine($"county {k}/{counties}, township {t}/20 done, {serial} people, {clock.Elapsed.TotalSeconds:F0}s");
    }

    await createAccount.HandleAsync(new CreateAccountRequest("bench-center" + suffix, DemoCounty.Password, countyName + "中心", Role.CenterAdmin, county.Id), default);
    await createAccount.HandleAsync(new CreateAccountRequest("bench-village" + suffix, DemoCounty.Password, unitPrefix + "村站", Role.StationAdmin, firstVillage), default);
    total += serial;
}

// Fresh statistics, as after any bulk import: without them SQLite's planner guesses row counts.
await db.Database.ExecuteSqlRawAsync("ANALYZE");
Console.WriteLine($"done: {counties} × 520 units, {total} people in {clock.Elapsed.TotalSeconds:F0}s");
if (statsRecords > 0)
{
    var benchCounty = await db.OrgUnits.Where(u => u.DivisionCode == "339902000000").Select(u => u.Id).SingleAsync();
    await Wenming.Bench.DataGen.StatsData.FillAsync(db, sp.GetRequiredService<StatRollupStore>(), benchCounty, statsRecords);
}
