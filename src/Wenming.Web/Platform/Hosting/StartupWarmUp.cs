using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using OpenTelemetry.Metrics;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Platform.Hosting;

/// <summary>
/// Start-up work that the host needs anyway, begun on the thread pool so that it runs on the second core while the
/// main thread goes on (issue 19, ADR 0067). Nothing here changes what is built, only when and on which thread.
/// A warm-up that fails is ignored: the same work then runs where it always ran (the database step, the first
/// request) and fails there, visibly. <c>Startup:WarmUp=false</c> turns it off (for A/B timing).
/// </summary>
public static class StartupWarmUp
{
    public static bool IsOn(IConfiguration config) => config.GetValue("Startup:WarmUp", true);

    /// <summary>
    /// The EF Core model — about 80 entity types, loaded from the generated code (ADR 0078) with the scope and county
    /// query filters — while the main thread maps the endpoints. EF Core loads a model once and caches it; the
    /// database step that asks for the model next waits for this load instead of starting another.
    /// </summary>
    public static void Model(IServiceProvider services, StartupTrace trace) => Run(() =>
    {
        using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        _ = db.Model;
        trace.Mark("ef model (bg)");
    });

    /// <summary>
    /// The minimal API endpoints, built once and in the background. ASP.NET Core builds a route group's endpoints anew
    /// each time a consumer asks (a request delegate compiled from expression trees per endpoint, ~315 of them), and two
    /// consumers ask before the first answer: the authorization middleware's policy cache while the pipeline is built,
    /// then the router on the first request — together most of start-up. The groups' and the app's own route data
    /// sources are replaced by one that builds once and hands both the same endpoints; they are fixed once mapping is
    /// done. The build starts now, beside the database step and Kestrel's start. Other sources (the Razor pages'
    /// actions) keep their own caching and change tracking.
    /// </summary>
    public static void Endpoints(IEndpointRouteBuilder app, StartupTrace trace)
    {
        var sources = app.DataSources.ToList();
        app.DataSources.Clear();
        var builtOnce = new List<BuiltOnceEndpointDataSource>();
        foreach (var source in sources)
        {
            if (source.GetType().FullName is "Microsoft.AspNetCore.Routing.RouteEndpointDataSource" or "Microsoft.AspNetCore.Routing.RouteGroupBuilder+GroupEndpointDataSource")
            {
                var once = new BuiltOnceEndpointDataSource(source);
                builtOnce.Add(once);
                app.DataSources.Add(once);
            }
            else
            {
                app.DataSources.Add(source);
            }
        }

        Run(() =>
        {
            foreach (var source in builtOnce)
            {
                _ = source.Endpoints;
            }

            trace.Mark("endpoints (bg)");
        });
    }

    /// <summary>
    /// The metrics pipeline (OpenTelemetry's meter provider and its instruments), which its hosted service would
    /// otherwise build on the main thread before Kestrel starts. A singleton: whoever asks second waits for this one.
    /// </summary>
    public static void Telemetry(IServiceProvider services, StartupTrace trace) => Run(() =>
    {
        _ = services.GetService<MeterProvider>();
        trace.Mark("telemetry (bg)");
    });

    /// <summary>
    /// The data-protection key ring (cookies, tokens, antiforgery), read from the database once it is migrated. ASP.NET
    /// Core's own hosted service loads it on the main thread before Kestrel starts only to have it ready; with the
    /// warm-up on it is removed (<see cref="WithoutKeyRingPreload"/>) and this load runs beside Kestrel's start. A
    /// request that needs the ring before the load is done waits for it (the provider's lock), as before. Its read is
    /// also the process's first EF Core query (start-up's own checks are plain commands, ADR 0079), so the relational
    /// mapping and the query pipeline's first compile happen here, off the main thread.
    /// </summary>
    public static void KeyRing(IServiceProvider services, StartupTrace trace) => Run(() =>
    {
        _ = services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing();
        trace.Mark("key ring (bg)");
    });

    /// <summary>Removes ASP.NET Core's key-ring preloading hosted service (an internal type, found by name).</summary>
    public static void WithoutKeyRingPreload(IServiceCollection services)
    {
        var preload = services.Where(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService").ToList();
        foreach (var descriptor in preload)
        {
            services.Remove(descriptor);
        }
    }

    private static void Run(Action work) => _ = Task.Run(() =>
    {
        try
        {
            work();
        }
        catch (Exception)
        {
            // Ignored on purpose: see the class summary.
        }
    });
}

/// <summary>A route data source that does not change after mapping, its endpoints built once (see <see cref="StartupWarmUp.Endpoints"/>).</summary>
internal sealed class BuiltOnceEndpointDataSource(EndpointDataSource inner) : EndpointDataSource
{
    private readonly Lazy<IReadOnlyList<Endpoint>> endpoints = new(() => inner.Endpoints, LazyThreadSafetyMode.ExecutionAndPublication);

    public override IReadOnlyList<Endpoint> Endpoints => endpoints.Value;

    public override IChangeToken GetChangeToken() => inner.GetChangeToken();
}
