using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Jobs;

/// <summary>One unit of background work, run in its own DI scope as a system operator (unrestricted scope, audited as <c>job:name</c>).</summary>
public interface IJob
{
    /// <summary>Does what is due at <paramref name="nowUtc"/>; returns how many things it handled (for the log).</summary>
    Task<int> RunAsync(DateTime nowUtc, CancellationToken ct);
}

/// <summary>
/// Runs a job every <c>Jobs:{Name}:IntervalSeconds</c> on every node. Jobs therefore must be safe when
/// several nodes run them at once against one database: each claims its work with a unique row or a
/// conditional UPDATE, never with an in-process lock. <c>Jobs:Enabled=false</c> turns all of them off
/// (tests run sweeps by hand with a chosen clock).
/// </summary>
public sealed class PeriodicJob<TJob>(
    IServiceProvider services, IConfiguration config, TimeProvider clock, IHostApplicationLifetime lifetime, DemoSeeding demoSeeding,
    ILogger<PeriodicJob<TJob>> log)
    : BackgroundService
    where TJob : IJob
{
    private static readonly string Name = typeof(TJob).Name;

    /// <summary>
    /// How long after the host serves the first round waits: the rounds' queries are compiled then, not while the
    /// first requests are (issue 19: seven jobs compiling their EF queries on a 2-core node at start). ADR 0034.
    /// </summary>
    internal static readonly TimeSpan FirstRoundDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(config.GetValue($"Jobs:{Name}:IntervalSeconds", 60));
        if (!await ServingAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var handled = await Jobs.RunOnceAsync<TJob>(services, clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (handled > 0)
                {
                    log.LogInformation("{Job} handled {Count} item(s)", Name, handled);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (database restarting, say) is retried next round; the job must not die.
                log.LogError(e, "{Job} failed; retrying in {Interval}", Name, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Waits until the host listens, then <see cref="FirstRoundDelay"/> and any demo seeding; false when it stops first.</summary>
    private async Task<bool> ServingAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                // Real time, not the (possibly fake) clock: the wait is about CPU at start, not about when work is due.
                await Task.Delay(FirstRoundDelay, stoppingToken);
                // Nor do the sweeps run over a demo county half written (ADR 0038); a failed seed stops nothing.
                await demoSeeding.Completion.ContinueWith(_ => { }, stoppingToken, TaskContinuationOptions.None, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }
}

public static class Jobs
{
    /// <summary>One round in a fresh scope; also how tests drive a job with a chosen clock.</summary>
    public static async Task<int> RunOnceAsync<TJob>(IServiceProvider services, DateTime nowUtc, CancellationToken ct)
        where TJob : IJob
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<OrgScope>().AllowEverything();
        sp.GetRequiredService<CurrentActor>().Operator("job:" + typeof(TJob).Name);
        var metrics = services.GetService<Metrics.WenmingMetrics>();
        try
        {
            var handled = await sp.GetRequiredService<TJob>().RunAsync(nowUtc, ct);
            metrics?.JobRan(typeof(TJob).Name, succeeded: true, nowUtc);
            return handled;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics?.JobRan(typeof(TJob).Name, succeeded: false, nowUtc);
            throw;
        }
    }

    public static IServiceCollection AddJob<TJob>(this IServiceCollection services)
        where TJob : class, IJob
    {
        services.AddScoped<TJob>();
        services.AddHostedService<PeriodicJob<TJob>>();
        return services;
    }
}
