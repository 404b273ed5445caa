using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wenming.Web;
using Wenming.Web.Demo;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Modules.Organization.Features.CreateOrgUnit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

// The operator command line: the same configuration as the web host (appsettings, environment
// variables with __, --Database:Provider=… arguments), without serving HTTP.
const string Usage = """
    wenming — 新时代文明实践云平台 operator commands

      migrate                               apply database migrations
      seed-demo                             seed the demo county into an empty database
      create-root <City|County> <name> <division code>
                                            create the root unit of a new tree (production set-up)
      create-admin <login> <password> [name]  create a system admin bound to the root unit
      gen-key                               print a new Security:PiiKey (base64, 32 bytes)
      schema-script                         print the schema the model expects (CREATE statements)
      backup <file> [--force]               online backup of the whole database into <file> (SQLite file / pg_dump custom format)
      restore <file> [--force]              restore <file> into the configured database (refuses a database with data
                                            unless --force, and a backup written under another Security:PiiKey)
      stats-rebuild                         rebuild the statistics' roll-ups from the raw rows (ADR 0061; done by
                                            itself on a fresh or upgraded database and after a unit moves)
      dead-letters                          list integration events that failed Events:MaxAttempts times
      retry-dead-letter <id>                make a dead letter pending again and deliver it once now
      anonymize-inactive --years N          anonymize people with no sign-in, service record, order or
                                            points movement for N years (ADR 0023; the daily job does
                                            the same when Privacy:RetentionYears > 0)

    Configuration as for the web host, e.g.
      wenming migrate --Database:Provider=Postgres --ConnectionStrings:Wenming="Host=…;Database=wenming"
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 1 : 0;
}

var command = args[0];
if (command == "gen-key")
{
    Console.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    return 0;
}

// The commands below run as top-level statements: a database that does not answer (refused, missing, a file that cannot
// be opened) ends a command with one line and its own exit code, not with an unhandled exception's abort (exit 134).
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is Exception exception && DatabaseOutage.IsOutage(exception))
    {
        Console.Error.WriteLine(DatabaseOutage.DoesNotAnswer(exception));
        Environment.Exit(DatabaseOutage.ExitCode);
    }
};

var force = args.Contains("--force");

// "--years N" belongs to anonymize-inactive, not to the configuration.
var options = args[1..].ToList();
int? years = null;
if (options.IndexOf("--years") is var at and >= 0)
{
    years = at + 1 < options.Count && int.TryParse(options[at + 1], out var n) ? n : 0;
    options.RemoveRange(at, Math.Min(2, options.Count - at));
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = options.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--force").ToArray(),
    ContentRootPath = Environment.GetEnvironmentVariable("WENMING_CONTENT_ROOT") ?? Directory.GetCurrentDirectory(),
});
builder.Configuration["Logging:LogLevel:Default"] ??= "Warning";
builder.AddWenming();
await using var app = builder.Build();
using var scope = app.Services.CreateScope();
var sp = scope.ServiceProvider;
sp.GetRequiredService<OrgScope>().AllowEverything();
sp.GetRequiredService<CurrentActor>().Operator("cli:" + Environment.UserName);
var db = sp.GetRequiredService<AppDbContext>();
var positional = options.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();

switch (command)
{
    case "migrate":
        await DatabaseSetup.MigrateAsync(db);
        if (await CheckKeyAsync() is { } refused)
        {
            return refused;
        }

        Console.WriteLine("数据库已迁移到最新版本 (migrations applied).");
        return 0;

    case "backup" or "restore":
        if (positional.Length < 1)
        {
            Console.Error.WriteLine($"用法: wenming {command} <文件> [--force]");
            return 1;
        }

        var backups = ActivatorUtilities.CreateInstance<Backups>(sp);
        var outcome = command == "backup"
            ? await backups.BackupAsync(positional[0], force, CancellationToken.None)
            : await backups.RestoreAsync(positional[0], force, CancellationToken.None);
        (outcome.Ok ? Console.Out : Console.Error).WriteLine(outcome.Message);
        if (outcome.Ok && command == "restore")
        {
            // Bring the restored schema up to this version and record/compare the key, as a start would.
            await DatabaseSetup.MigrateAsync(db);
            return await CheckKeyAsync() ?? 0;
        }

        return outcome.ExitCode;

    case "stats-rebuild":
        var rows = await sp.GetRequiredService<Wenming.Web.Modules.Statistics.Features.Rollups.StatRollupStore>().RebuildAsync(CancellationToken.None);
        Console.WriteLine($"统计汇总已重建 (roll-ups rebuilt): {rows} 行 (rows).");
        return 0;

    case "dead-letters":
        var dead = await DeadLetters.AllAsync(db, CancellationToken.None);
        if (dead.Count == 0)
        {
            Console.WriteLine("没有投递失败的事件 (no dead letters).");
            return 0;
        }

        Console.WriteLine("id\ttype\tattempts\tdied at (UTC+8)\tlast error");
        foreach (var d in dead)
        {
            Console.WriteLine($"{d.Id}\t{d.Type}\t{d.Attempts}\t{d.DiedAt:yyyy-MM-dd HH:mm:ss}\t{d.LastError}");
        }

        return 0;

    case "retry-dead-letter":
        if (positional.Length < 1 || !long.TryParse(positional[0], out var deadId))
        {
            Console.Error.WriteLine("用法: wenming retry-dead-letter <id>");
            return 1;
        }

        switch (await sp.GetRequiredService<OutboxDelivery>().RetryDeadLetterAsync(deadId, CancellationToken.None))
        {
            case null:
                Console.Error.WriteLine($"没有编号为 {deadId} 的死信 (no such dead letter).");
                return 2;
            case true:
                Console.WriteLine($"事件 {deadId} 已投递 (delivered).");
                return 0;
            default:
                Console.Error.WriteLine($"事件 {deadId} 再次失败，将按间隔自动重试 (failed again; the sweeper retries it with backoff).");
                return 4;
        }

    case "seed-demo":
        await DatabaseSetup.MigrateAsync(db);
        if (await ActivatorUtilities.CreateInstance<DemoCounty>(sp).SeedIfEmptyAsync(CancellationToken.None))
        {
            Console.WriteLine(DemoCounty.LoginTable());
            return 0;
        }

        Console.Error.WriteLine("数据库中已有组织数据，未写入演示数据 (database not empty; nothing seeded).");
        return 2;

    case "create-root":
        if (positional.Length < 3 || !Enum.TryParse<OrgLevel>(positional[0], ignoreCase: true, out var level))
        {
            Console.Error.WriteLine("用法: wenming create-root <City|County> <名称> <12位区划代码>");
            return 1;
        }

        var root = await sp.GetRequiredService<CreateOrgUnitHandler>().HandleAsync(
            new CreateOrgUnitRequest(null, level, positional[1], positional[2]), CancellationToken.None);
        if (!root.IsSuccess)
        {
            return Fail(root.Error!);
        }

        Console.WriteLine($"已创建根组织 {root.Value.Name} (id {root.Value.Id}).");
        return 0;

    case "create-admin":
        if (positional.Length < 2)
        {
            Console.Error.WriteLine("用法: wenming create-admin <login> <password> [显示名称]");
            return 1;
        }

        var rootId = await db.OrgUnits.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (long?)u.Id).FirstOrDefaultAsync();
        if (rootId is null)
        {
            Console.Error.WriteLine("还没有任何组织：请先用 API 或演示数据建立根组织 (no root unit yet).");
            return 2;
        }

        var created = await sp.GetRequiredService<CreateAccountHandler>().HandleAsync(
            new CreateAccountRequest(positional[0], positional[1], positional.Length > 2 ? positional[2] : "系统管理员", Role.SystemAdmin, rootId), CancellationToken.None);
        if (!created.IsSuccess)
        {
            return Fail(created.Error!);
        }

        Console.WriteLine($"已创建系统管理员 {created.Value.Login} (id {created.Value.Id}).");
        return 0;

    case "anonymize-inactive":
        if (years is not > 0)
        {
            Console.Error.WriteLine("用法: wenming anonymize-inactive --years <年数，大于0>");
            return 1;
        }

        var anonymized = await sp.GetRequiredService<Wenming.Web.Modules.People.Features.AnonymizePerson.AnonymizeInactive>()
            .RunAsync(years.Value, sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, CancellationToken.None);
        Console.WriteLine($"已匿名化 {anonymized} 名超过 {years} 年无活动的人员 (people anonymized).");
        return 0;

    case "schema-script":
        Console.WriteLine(db.Database.GenerateCreateScript());
        return 0;

    default:
        Console.Error.WriteLine("未知命令: " + command);
        Console.WriteLine(Usage);
        return 1;
}

async Task<int?> CheckKeyAsync()
{
    try
    {
        await PiiKeyCheck.EnsureAsync(sp, db, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Wenming.Cli"), newDatabase: false, CancellationToken.None);
        return null;
    }
    catch (PiiKeyMismatchException e)
    {
        Console.Error.WriteLine(e.Message);
        return 3;
    }
}

static int Fail(Error error)
{
    Console.Error.WriteLine($"{error.Code}: {error.Message}");
    foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]>())
    {
        Console.Error.WriteLine($"  {field}: {string.Join("；", messages)}");
    }

    return 2;
}
