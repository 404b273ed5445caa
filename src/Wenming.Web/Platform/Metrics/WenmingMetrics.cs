using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Events;

namespace Wenming.Web.Platform.Metrics;

/// <summary>
/// The platform's own series for operators (ADR 0022), next to ASP.NET Core's request histogram and the
/// runtime's: database command time, background job runs, failures and last success, and the outbox backlog
/// (pending and dead letters, read from the database when scraped).
/// </summary>
public sealed class WenmingMetrics
{
    public const string MeterName = "Wenming";

    private readonly Histogram<double> _dbCommands;
    private readonly Counter<long> _jobRuns;
    private readonly Counter<long> _jobFailures;
    private readonly ConcurrentDictionary<string, DateTime> _lastSuccess = new();
    private readonly IServiceScopeFactory _scopes;

    public WenmingMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        var meter = meters.Create(MeterName);
        _dbCommands = meter.CreateHistogram<double>("wenming.db.command.duration", "s", "Time the database took per command (EF Core, SQLite or PostgreSQL).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _jobRuns = meter.CreateCounter<long>("wenming.job.runs", null, "Background job rounds run, per job.");
        _jobFailures = meter.CreateCounter<long>("wenming.job.failures", null, "Background job rounds that failed, per job.");
        meter.CreateObservableGauge("wenming.job.last_success", () => _lastSuccess.Select(kv =>
            new Measurement<double>(new DateTimeOffset(kv.Value, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0, new KeyValuePair<string, object?>("job", kv.Key))),
            "s", "Unix time of the job's last successful round on this node.");
        meter.CreateObservableGauge("wenming.outbox.pending", () => Backlog(dead: false), null, "Integration events waiting for delivery (ADR 0014).");
        meter.CreateObservableGauge("wenming.outbox.dead", () => Backlog(dead: true), null, "Dead letters: events that failed Events:MaxAttempts times (ADR 0022).");
    }

    public void DbCommand(TimeSpan duration, string provider, bool failed) =>
        _dbCommands.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("db.system", provider), new KeyValuePair<string, object?>("outcome", failed ? "error" : "ok"));

    public void JobRan(string job, bool succeeded, DateTime nowUtc)
    {
        var tag = new KeyValuePair<string, object?>("job", job);
        _jobRuns.Add(1, tag);
        if (succeeded)
        {
            _lastSuccess[job] = nowUtc;
        }
        else
        {
            _jobFailures.Add(1, tag);
        }
    }

    private IEnumerable<Measurement<long>> Backlog(bool dead)
    {
        long value;
        try
        {
            // A scrape calls the gauge synchronously: a plain command on a connection that may block (ADR 0093).
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var type = db.Model.FindEntityType(typeof(OutboxMessage))!;
            value = SynchronousCommands.Run(db, command =>
            {
                command.CommandText = $"SELECT COUNT(*) FROM {RawStatement.Table(type)} AS m"
                    + $" WHERE {RawStatement.Column(type, "m", nameof(OutboxMessage.DeliveredAt))} IS NULL"
                    + $" AND {RawStatement.Column(type, "m", nameof(OutboxMessage.DeadAt))} IS {(dead ? "NOT " : "")}NULL";
                return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            });
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The database is away: /readyz says so; the gauge just has no value this scrape.
            return [];
        }

        return [new Measurement<long>(value)];
    }
}

public static class MetricsSetup
{
    public const string Path = "/metrics";

    public static IServiceCollection AddWenmingMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<WenmingMetrics>();
        // Of ASP.NET Core's meters only those operators read (docs/operations.md): the request histogram (Hosting), the
        // connections (Kestrel) and unhandled exceptions (Diagnostics). AddAspNetCoreInstrumentation() also listens to
        // routing, rate limiting, authentication and authorization, each a measurement on every request that no alert
        // or dashboard reads (issue 19, ADR 0082).
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics")
            .AddRuntimeInstrumentation()
            .AddMeter(WenmingMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>
    /// <c>/metrics</c> in Prometheus text, never public: with <c>Metrics:Token</c> set only to
    /// <c>Authorization: Bearer &lt;token&gt;</c>, otherwise only to loopback callers (after trusted proxies'
    /// X-Forwarded-For, so a request relayed from outside is outside). Others get 403.
    /// </summary>
    public static WebApplication UseWenmingMetrics(this WebApplication app)
    {
        var token = app.Configuration["Metrics:Token"];
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments(Path), guarded => guarded.Use(async (ctx, next) =>
        {
            if (Allowed(ctx, token))
            {
                await next();
                return;
            }

            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync(string.IsNullOrEmpty(token)
                ? "metrics are served to loopback callers only (or set Metrics:Token)\n"
                : "metrics need Authorization: Bearer <Metrics:Token>\n");
        }));
        return app;
    }

    public static IEndpointRouteBuilder MapWenmingMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(Path);
        return endpoints;
    }

    private static bool Allowed(HttpContext ctx, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return ctx.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address);
        }

        var header = ctx.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Bearer.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
