namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// Test classes that read <c>/metrics</c> run alone, after the parallel ones. The exporter listens to every meter
/// named "Wenming" in the process, not only its own host's, and a test's scrape came back without the database series
/// at all (before and after two failed commands) while another class's hosts were started and disposed beside it.
/// One host per process, as in production, has no such neighbours.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScrapesMetrics
{
    public const string Name = "Scrapes /metrics";
}
