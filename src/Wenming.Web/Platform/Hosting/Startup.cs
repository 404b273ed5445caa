using Microsoft.EntityFrameworkCore;
using Wenming.Web.Demo;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Platform.Hosting;

/// <summary>Before serving: apply migrations and check the PII key against the database; when asked to, seed the demo county into an empty database once the host serves.</summary>
public static class Startup
{
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration config, IHostEnvironment env, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AllowEverything();
        sp.GetRequiredService<CurrentActor>().Operator("system");
        var db = sp.GetRequiredService<AppDbContext>();
        var trace = services.GetService<StartupTrace>() ?? new StartupTrace(false);
        if (trace.IsOn)
        {
            // Built here rather than inside the migration check, so the trace shows the model on its own.
            _ = db.Model;
            trace.Mark("ef model");
        }

        var newDatabase = false;
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            newDatabase = await DatabaseSetup.MigrateAsync(db, ct);
            trace.Mark("migrations");
        }

        // Refuses (PiiKeyMismatchException) a database whose personal data was written under another key.
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Wenming.Startup");
        try
        {
            await PiiKeyCheck.EnsureAsync(sp, db, log, newDatabase, ct);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !config.GetValue("Database:MigrateOnStart", true))
        {
            // The database is away: start anyway, answer 503 until it is back and the key is checked.
            log.LogWarning("The database does not answer at start ({Reason}); serving 503 until it does.", e.GetBaseException().Message);
            services.GetRequiredService<PiiKeyGate>().CheckWhenTheDatabaseIsBack(services, services.GetRequiredService<IHostApplicationLifetime>(), log);
            return;
        }

        if (StartupWarmUp.IsOn(config))
        {
            StartupWarmUp.KeyRing(services, trace);
        }

        if (config.GetValue("Demo:Seed", false))
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoCounty>(sp);
            // A database this start made is empty without asking (as LINQ, the question would be the process's first query, ADR 0080).
            if (newDatabase || await seeder.IsEmptyAsync(ct))
            {
                // Seeding takes ~10 s of a 2-core machine (issue 19): the host serves first and seeds behind it;
                // /readyz answers 503 "Seeding" and the sign-in page says so until it is done (ADR 0038).
                var seeding = services.GetRequiredService<DemoSeeding>();
                seeding.Begin();
                var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
                lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => SeedDemoAsync(services, seeding, log, lifetime.ApplicationStopping)));
            }
            else if (await seeder.HasDemoLoginsAsync(ct))
            {
                // Printed on purpose (not logged as JSON): the README's run command shows a person how to sign in.
                Console.WriteLine(DemoCounty.LoginTable());
            }
        }
    }

    private static async Task SeedDemoAsync(IServiceProvider services, DemoSeeding seeding, ILogger log, CancellationToken ct)
    {
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            using (var scope = services.CreateScope())
            {
                var sp = scope.ServiceProvider;
                sp.GetRequiredService<OrgScope>().AllowEverything();
                sp.GetRequiredService<CurrentActor>().Operator("system");
                await ActivatorUtilities.CreateInstance<DemoCounty>(sp).SeedIfEmptyAsync(ct);
                // Parts of the seed write set-based (back-dated orders, attendance): the statistics' roll-ups are
                // rebuilt from the seeded rows by the next read or round of their job (ADR 0061).
                await sp.GetRequiredService<Data.AppDbContext>().Set<Indicators.StatRollupState>()
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.BuiltAt, (DateTime?)null), ct);
            }

            log.LogInformation("Demo county seeded in {Seconds:0.0} s", TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            Console.WriteLine(DemoCounty.LoginTable());
            seeding.Finished();
        }
        catch (Exception e)
        {
            // No crash of a host that already serves: the log says why, /readyz stays 503.
            if (e is OperationCanceledException && ct.IsCancellationRequested)
            {
                log.LogWarning("Demo seeding stopped with the host; the data folder holds part of the demo county (delete it for a fresh one).");
            }
            else
            {
                log.LogCritical(e, "Demo seeding failed");
            }

            seeding.Failed(e);
        }
    }
}
