using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wenming.Web;
using Wenming.Web.Demo;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Modules.Organization.Features.CreateOrgUnit;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

// Generates a county at realistic scale beside the demo one: 20 townships × 25 villages, 100 people
// per village (50,000), plus two accounts (bench-center, bench-village; password Wenming@2026).
// Usage: dotnet run --project bench/Wenming.Bench.DataGen -- [--Database:Provider=…] [--ConnectionStrings:Wenming=…] [--Data:Directory=…]
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
if (await db.OrgUnits.AnyAsync(u => u.DivisionCode == "339902000000"))
{
    Console.WriteLine("bench county already present");
    return;
}

var clock = Stopwatch.StartNew();
var createUnit = sp.GetRequiredService<CreateOrgUnitHandler>();
var pii = sp.GetRequiredService<PiiProtector>();
var county = (await createUnit.HandleAsync(new CreateOrgUnitRequest(null, OrgLevel.County, "基准县新时代文明实践中心", "339902000000"), default)).Value;
var serial = 0;
long firstVillage = 0;
for (var t = 1; t <= 20; t++)
{
    var town = (await createUnit.HandleAsync(new CreateOrgUnitRequest(county.Id, OrgLevel.Township, $"基准{t}镇", $"339902{t:D3}000"), default)).Value;
    for (var v = 1; v <= 25; v++)
    {
        var village = (await createUnit.HandleAsync(new CreateOrgUnitRequest(town.Id, OrgLevel.Village, $"基准{t}镇{v}村", $"339902{t:D3}{v:D3}"), default)).Value;
        firstVillage = firstVillage == 0 ? village.Id : firstVillage;
        for (var p = 0; p < 100; p++)
        {
            serial++;
            // (birth date, 3-digit sequence) must be unique: a new date every thousand people.
            var birth = new DateOnly(1950, 1, 1).AddDays(serial / 1000 * 181);
            var idText = DemoCounty.FictionalIdNumber(birth, serial).Replace("339901", "339902", StringComparison.Ordinal);
            idText = idText[..17] + ChineseIdNumber.ComputeCheckChar(idText.AsSpan(0, 17));
            var id = ChineseIdNumber.Parse(idText, new DateOnly(2026, 1, 1)).Value;
            var name = "王李张刘陈杨黄赵吴周"[serial % 10] + "测" + (serial % 997).ToString(CultureInfo.InvariantCulture);
            db.Add(Person.Register(county.Id, village.Id, name, id, pii.Encrypt(id.Value), pii.Hash(id.Value),
                "137" + serial.ToString("D8", CultureInfo.InvariantCulture), null, PoliticalStatus.Masses, null, TimeProvider.System.GetUtcNow().UtcDateTime));
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    Console.WriteLine($"township {t}/20 done, {serial} people, {clock.Elapsed.TotalSeconds:F0}s");
}

var createAccount = sp.GetRequiredService<CreateAccountHandler>();
await createAccount.HandleAsync(new CreateAccountRequest("bench-center", DemoCounty.Password, "基准县中心", Role.CenterAdmin, county.Id), default);
await createAccount.HandleAsync(new CreateAccountRequest("bench-village", DemoCounty.Password, "基准村站", Role.StationAdmin, firstVillage), default);
// Fresh statistics, as after any bulk import: without them SQLite's planner guesses row counts.
await db.Database.ExecuteSqlRawAsync("ANALYZE");
Console.WriteLine($"done: 520 units, {serial} people in {clock.Elapsed.TotalSeconds:F0}s");
