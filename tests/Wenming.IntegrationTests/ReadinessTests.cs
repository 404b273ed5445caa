using System.Net;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests;

/// <summary>/readyz answers 200 only while the database answers; /healthz while the process lives.</summary>
public abstract class ReadinessTests(AppFixture app)
{
    [ProviderFact]
    public async Task Readyz_WhenTheDatabaseIsGone_Answers503_WhileHealthzStillAnswers200()
    {
        (await app.Anonymous().GetAsync("/readyz")).Expect(HttpStatusCode.OK);

        await app.Factory.Database.BreakAsync();

        (await app.Anonymous().GetAsync("/readyz")).Expect(HttpStatusCode.ServiceUnavailable);
        (await app.Anonymous().GetAsync("/healthz")).Expect(HttpStatusCode.OK);
    }
}

/// <summary>An app on an empty, migrated database of its own, which a test may break.</summary>
public abstract class DisposableDatabaseApp : AppFixture
{
    protected override bool SeedDemo => false;
}

public sealed class DisposableSqliteApp : DisposableDatabaseApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DisposablePostgresApp : DisposableDatabaseApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class ReadinessTests_Sqlite(DisposableSqliteApp app) : ReadinessTests(app), IClassFixture<DisposableSqliteApp>;

public sealed class ReadinessTests_Postgres(DisposablePostgresApp app) : ReadinessTests(app), IClassFixture<DisposablePostgresApp>, IRunsOnPostgres;
