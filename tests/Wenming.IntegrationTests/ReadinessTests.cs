using System.Net;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>/readyz answers 200 only while the database answers; /healthz while the process lives.</summary>
public sealed class ReadinessTests(DisposableDatabaseApp app) : IClassFixture<DisposableDatabaseApp>
{
    [DatabaseFact]
    public async Task Readyz_WhenTheDatabaseIsGone_Answers503_WhileHealthzStillAnswers200()
    {
        (await app.Anonymous().GetAsync("/readyz")).Expect(HttpStatusCode.OK);

        await app.Factory.Database.BreakAsync();

        (await app.Anonymous().GetAsync("/readyz")).Expect(HttpStatusCode.ServiceUnavailable);
        (await app.Anonymous().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
    }
}

/// <summary>An app on an empty, migrated database of its own, which a test may break.</summary>
public sealed class DisposableDatabaseApp : AppFixture
{
    protected override bool SeedDemo => false;
}
