using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Security;

/// <summary>
/// The PII key check (ADR 0021) for a node that starts while its database is away: instead of dying, it
/// starts, answers 503 (like any outage) until the database is back and the key has been checked, and
/// stops with exit code 3 if the key then turns out not to match. A node therefore never serves data
/// before its key was checked, and a cluster may start its web nodes before the database.
/// </summary>
public sealed class PiiKeyGate
{
    private volatile bool _open = true;

    public bool IsOpen => _open;

    /// <summary>Closes the gate and checks in the background, every few seconds, until the database answers.</summary>
    public void CheckWhenTheDatabaseIsBack(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger log)
    {
        _open = false;
        _ = Task.Run(async () =>
        {
            var stopping = lifetime.ApplicationStopping;
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    using var scope = services.CreateScope();
                    var sp = scope.ServiceProvider;
                    sp.GetRequiredService<OrgScope>().AllowEverything();
                    sp.GetRequiredService<CurrentActor>().Operator("system");
                    await PiiKeyCheck.EnsureAsync(sp, sp.GetRequiredService<AppDbContext>(), log, newDatabase: false, stopping);
                    _open = true;
                    log.LogInformation("The database answers and the PII key matches it: serving.");
                    return;
                }
                catch (PiiKeyMismatchException e)
                {
                    log.LogCritical("{Message}", e.Message);
                    Environment.ExitCode = 3;
                    lifetime.StopApplication();
                    return;
                }
                catch (Exception e) when (DatabaseOutage.IsOutage(e))
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        });
    }
}

/// <summary>Thrown for requests while the key check waits for the database; answered as an outage (503).</summary>
public sealed class PiiKeyNotCheckedException() : Exception("The database has not answered since start, so the PII key is not checked yet.");
