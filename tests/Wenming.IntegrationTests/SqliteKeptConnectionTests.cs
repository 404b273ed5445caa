using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Modules.Organization.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.IntegrationTests;

/// <summary>
/// On SQLite a pooled context keeps its connection across leases and runs its queries on prepared statements
/// (ADR 0076): the connection must come back to the next lease open, never inside the previous lease's transaction,
/// and a prepared query must answer for each run's own parameters, also when it runs inside its own loop.
/// </summary>
public sealed class SqliteKeptConnectionTests : IAsyncLifetime
{
    /// <summary>SQLite's SQLITE_STMTSTATUS_REPREPARE, which SQLitePCLRaw does not name: how often a statement was prepared again.</summary>
    private const int StatementStatusReprepare = 5;

    private readonly CommandKinds commands = new();
    private TestDatabase database = null!;
    private PooledDbContextFactory<AppDbContext> pool = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, database.ConnectionString);
        options.AddInterceptors(commands);
        pool = new PooledDbContextFactory<AppDbContext>(options.Options, poolSize: 1);
        await using var db = Lease();
        await db.Database.MigrateAsync();
        foreach (var (id, parent, path) in new (long, long?, string)[] { (1, null, "/1/"), (5, 1, "/1/5/"), (17, 5, "/1/5/17/"), (50, 1, "/1/50/") })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO org_units ("Id", "ParentId", "Level", "Name", "Path", "Status", "CreatedAt")
                VALUES ({id}, {parent}, 'Center', {"unit " + id}, {path}, 'Active', {DateTime.UtcNow})
                """);
        }
    }

    // The factory is not disposable: its one context keeps its connection open until the process ends (the file is
    // deleted under it, which Linux allows).
    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task TheConnection_StaysOpen_FromOneLeaseToTheNext()
    {
        System.Data.Common.DbConnection first;
        await using (var db = Lease())
        {
            Assert.Equal(4, await db.Set<OrgUnit>().CountAsync());
            first = db.Database.GetDbConnection();
            Assert.Equal(ConnectionState.Open, first.State);
        }

        Assert.Equal(ConnectionState.Open, first.State);
        await using (var db = Lease())
        {
            Assert.Same(first, db.Database.GetDbConnection());
            Assert.Equal(4, await db.Set<OrgUnit>().CountAsync());
        }
    }

    /// <summary>
    /// A writer that finds the write lock taken waits inside SQLite (its busy timeout, retried after 1, 2, 5, … ms),
    /// not in Microsoft.Data.Sqlite's 150 ms sleeps (ADR 0081): set on the kept connection, as long as the connection's
    /// default timeout (30 s).
    /// </summary>
    [Fact]
    public async Task TheConnection_WaitsForTheWriteLockInsideSqlite_ForTheDefaultTimeout()
    {
        await using var db = Lease();
        var timeouts = await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync();

        Assert.Equal([30_000L], timeouts);
    }

    [Fact]
    public async Task ALeaseLeftInsideATransaction_IsRolledBack_AndTheNextLeaseWritesForReal()
    {
        await using (var db = Lease())
        {
            // Begun behind EF Core's back, so only the connection knows; the lease ends without COMMIT.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("BEGIN IMMEDIATE");
            await db.Database.ExecuteSqlRawAsync("""UPDATE org_units SET "Name" = 'left uncommitted' WHERE "Id" = 5""");
        }

        await using (var db = Lease())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE org_units SET "Name" = 'committed' WHERE "Id" = 17""");
        }

        // Read from a connection of its own: what another request would see.
        await using var other = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync();
        await using var read = new SqliteCommand("""SELECT "Id", "Name" FROM org_units WHERE "Id" IN (5, 17) ORDER BY "Id" """, other);
        await using var reader = await read.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(1));
        }

        Assert.Equal(["unit 5", "committed"], names);
    }

    [Fact]
    public async Task APreparedQuery_AnswersForEachRunsParameters_AlsoInsideItsOwnLoop()
    {
        await using var db = Lease();
        foreach (var (parent, expected) in new (long, string)[] { (1, "5,50"), (5, "17"), (17, ""), (1, "5,50") })
        {
            Assert.Equal(expected, string.Join(",", await ChildrenOf(db, parent).ToListAsync()));
        }

        // The same statement while its first run is still reading: that run keeps its command, the inner one gets its own.
        var pairs = new List<string>();
        await foreach (var child in ChildrenOf(db, 1).AsAsyncEnumerable())
        {
            pairs.Add($"{child}:{string.Join("+", await ChildrenOf(db, child).ToListAsync())}");
        }

        Assert.Equal("5:17,50:", string.Join(",", pairs));
        Assert.Equal("5,17,50", string.Join(",", await db.Set<OrgUnit>().Where(u => new List<long> { 5, 17, 50, 99 }.Contains(u.Id)).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync()));
    }

    /// <summary>
    /// A paged query's statement is planned once (ADR 0094). SQLite reads a bound <c>LIMIT</c> while planning unless
    /// its query planner's stability guarantee is on, and then binding the next page's values expires the statement,
    /// which SQLite prepares anew inside the step: every list page parsed and planned its query again.
    /// </summary>
    [Fact]
    public async Task APagedQuery_AnswersEachPage_WithoutSqlitePreparingItAgain()
    {
        await using var db = Lease();
        await db.Database.OpenConnectionAsync();
        var connection = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
        // SQLitePCLRaw lists a connection's statements only when asked before they are prepared.
        connection.enable_sqlite3_next_stmt(true);
        foreach (var (skip, expected) in new (int, string)[] { (0, "1,5"), (2, "17,50"), (1, "5,17"), (0, "1,5") })
        {
            Assert.Equal(expected, string.Join(",", await db.Set<OrgUnit>().OrderBy(u => u.Id).Skip(skip).Take(2).Select(u => u.Id).ToListAsync()));
        }

        var prepares = new List<int>();
        for (var statement = SQLitePCL.raw.sqlite3_next_stmt(connection, null); statement is not null; statement = SQLitePCL.raw.sqlite3_next_stmt(connection, statement))
        {
            if (SQLitePCL.raw.sqlite3_sql(statement).utf8_to_string().Contains("LIMIT", StringComparison.Ordinal))
            {
                prepares.Add(SQLitePCL.raw.sqlite3_stmt_status(statement, StatementStatusReprepare, 0));
            }
        }

        // The page query's kept statements (EF Core wrote it in two texts for these four pages), never prepared again.
        Assert.NotEmpty(prepares);
        Assert.All(prepares, count => Assert.Equal(0, count));
    }

    /// <summary>
    /// A hand-written read (<see cref="RawRows"/>, <see cref="RawStatement"/>: the account read of every request) runs on
    /// the connection's prepared statement as LINQ queries do (ADR 0082), with each run's own parameters.
    /// </summary>
    [Fact]
    public async Task AHandWrittenRead_RunsOnThePreparedStatement_WithEachRunsParameters()
    {
        await using var db = Lease();
        foreach (var (id, name) in new (long, string)[] { (5, "unit 5"), (17, "unit 17"), (5, "unit 5") })
        {
            commands.Seen.Clear();
            var names = await db.Database.ReadAsync($"""SELECT "Name" FROM org_units WHERE "Id" = {id}""", r => r.GetString(0), CancellationToken.None);
            Assert.Equal([name], names);
            Assert.Equal("KeptCommand", Assert.Single(commands.Seen));
        }
    }

    private static IQueryable<long> ChildrenOf(AppDbContext db, long parent) =>
        db.Set<OrgUnit>().Where(u => u.ParentId == parent).OrderBy(u => u.Id).Select(u => u.Id);

    private AppDbContext Lease()
    {
        var scope = new OrgScope();
        scope.AllowEverything();
        return pool.CreateDbContext().Bind(scope, new CurrentActor(), TimeProvider.System);
    }

    /// <summary>The type of each command a reader runs on, after the kept connection may have swapped it.</summary>
    private sealed class CommandKinds : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public List<string> Seen { get; } = [];

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Seen.Add(command.GetType().Name);
            return ValueTask.FromResult(result);
        }
    }
}
