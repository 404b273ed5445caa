using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Wenming.Web.Platform.Hosting;

/// <summary>
/// Whether the demo county is being seeded in the background (ADR 0038): the README's run command answers its
/// first page while the demo data is still being written, so /readyz, the sign-in page and the periodic jobs ask here.
/// </summary>
public sealed class DemoSeeding
{
    private TaskCompletionSource? _running;

    /// <summary>True from the decision to seed (before the host serves) until the seed is written or has failed.</summary>
    public bool IsRunning => _running is { Task.IsCompleted: false };

    /// <summary>Completes when no seeding runs (at once when none was started); faults when the seed failed.</summary>
    public Task Completion => _running?.Task ?? Task.CompletedTask;

    internal void Begin() => _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void Finished() => _running?.TrySetResult();

    internal void Failed(Exception e) => _running?.TrySetException(e);
}

/// <summary>
/// Part of /readyz: not ready while the demo county is seeded (a node is ready when a person can sign in with the
/// demo logins it prints), nor after the seed failed.
/// </summary>
internal sealed class DemoSeedingCheck(DemoSeeding seeding) : IHealthCheck
{
    public const string Name = "demo";

    public const string SeedingStatus = "Seeding";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(seeding.Completion switch
        {
            { IsFaulted: true } => HealthCheckResult.Unhealthy("The demo seed failed; see the log."),
            { IsCompleted: false } => HealthCheckResult.Unhealthy(SeedingStatus),
            _ => HealthCheckResult.Healthy(),
        });

    /// <summary>/readyz's body: "Seeding" (503) while only the demo seed keeps the node unready, else the usual status word.</summary>
    public static Task WriteAsync(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "text/plain";
        var seedingOnly = report.Entries.TryGetValue(Name, out var demo) && demo.Description == SeedingStatus
            && report.Entries.Where(e => e.Key != Name).All(e => e.Value.Status == HealthStatus.Healthy);
        return ctx.Response.WriteAsync(seedingOnly ? SeedingStatus : report.Status.ToString());
    }
}
