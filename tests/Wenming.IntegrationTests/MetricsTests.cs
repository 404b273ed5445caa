using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Jobs;

namespace Wenming.IntegrationTests;

/// <summary>
/// /metrics (ADR 0022): Prometheus text with the request, database, job and outbox series an operator alerts
/// on; served to loopback callers only, or with Metrics:Token set to its bearer only.
/// </summary>
[Collection(ScrapesMetrics.Name)]
public sealed class MetricsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [DatabaseFact]
    public async Task Metrics_AfterSomeRequests_ShowTheNamedSeries_ToLoopbackOnly()
    {
        (await app.Admin.GetAsync("/api/v1/org-units")).Expect(HttpStatusCode.OK);
        (await app.Admin.GetAsync("/api/v1/people/987654321")).Expect(HttpStatusCode.NotFound);
        await Jobs.RunOnceAsync<OutboxSweepJob>(app.Factory.Services, DateTime.UtcNow, CancellationToken.None);

        var scrape = (await app.Anonymous("127.0.0.1").GetAsync("/metrics")).Expect(HttpStatusCode.OK);
        Assert.StartsWith("text/plain", scrape.ContentType, StringComparison.Ordinal);
        var text = scrape.Body;
        var lines = text.Split('\n');
        foreach (var (series, label) in new[]
        {
            ("http_server_request_duration_seconds_bucket", "http_response_status_code=\"200\""),
            ("http_server_request_duration_seconds_count", "http_response_status_code=\"404\""),
            ("wenming_db_command_duration_seconds_bucket", "db_system="),
            ("wenming_job_runs_total", "job=\"OutboxSweepJob\""),
            ("wenming_job_last_success_seconds", "job=\"OutboxSweepJob\""),
            ("wenming_outbox_pending", ""),
            ("wenming_outbox_dead", ""),
        })
        {
            Assert.True(
                lines.Any(l => (l.StartsWith(series + "{", StringComparison.Ordinal) || l.StartsWith(series + " ", StringComparison.Ordinal)) && l.Contains(label, StringComparison.Ordinal)),
                $"/metrics lacks {series} with {label}:\n{string.Join('\n', lines.Where(l => l.StartsWith("wenming", StringComparison.Ordinal)))}");
        }

        // From outside (a client's address, even through a trusted proxy): refused.
        (await app.Anonymous("198.51.100.7").GetAsync("/metrics")).Expect(HttpStatusCode.Forbidden);
        (await app.As("admin").GetAsync("/metrics")).Expect(HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task Metrics_WithAToken_AnswerItsBearerOnly()
    {
        await using var factory = app.Factory.WithWebHostBuilder(b => b.UseSetting("Metrics:Token", "scrape-secret-1"));
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        ApiClient Caller(string? token, string address) => new(http, () => Task.FromResult(token), address);

        (await Caller(null, "198.51.100.7").GetAsync("/metrics")).Expect(HttpStatusCode.Forbidden);
        (await Caller("wrong", "198.51.100.7").GetAsync("/metrics")).Expect(HttpStatusCode.Forbidden);
        (await Caller(null, "127.0.0.1").GetAsync("/metrics")).Expect(HttpStatusCode.Forbidden);
        var scrape = (await Caller("scrape-secret-1", "198.51.100.7").GetAsync("/metrics")).Expect(HttpStatusCode.OK);
        Assert.Contains("wenming_outbox_dead", scrape.Body, StringComparison.Ordinal);
    }
}
