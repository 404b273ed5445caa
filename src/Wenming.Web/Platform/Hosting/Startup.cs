using Wenming.Web.Demo;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Platform.Hosting;

/// <summary>Before serving: apply migrations, check the PII key against the database, and seed the demo county into an empty database when asked to.</summary>
public static class Startup
{
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration config, IHostEnvironment env, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AllowEverything();
        sp.GetRequiredService<CurrentActor>().Operator("system");
        var db = sp.GetRequiredService<AppDbContext>();
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            await DatabaseSetup.MigrateAsync(db, ct);
        }

        // Refuses (PiiKeyMismatchException) a database whose personal data was written under another key.
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Wenming.Startup");
        try
        {
            await PiiKeyCheck.EnsureAsync(sp, db, log, ct);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !config.GetValue("Database:MigrateOnStart", true))
        {
            // The database is away: start anyway, answer 503 until it is back and the key is checked.
            log.LogWarning("The database does not answer at start ({Reason}); serving 503 until it does.", e.GetBaseException().Message);
            services.GetRequiredService<PiiKeyGate>().CheckWhenTheDatabaseIsBack(services, services.GetRequiredService<IHostApplicationLifetime>(), log);
            return;
        }

        if (config.GetValue("Demo:Seed", false))
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoCounty>(sp);
            var seeded = await seeder.SeedIfEmptyAsync(ct);
            if (seeded || await seeder.HasDemoLoginsAsync(ct))
            {
                // Printed on purpose (not logged as JSON): the README's run command shows a person how to sign in.
                Console.WriteLine(DemoCounty.LoginTable());
            }
        }
    }
}
