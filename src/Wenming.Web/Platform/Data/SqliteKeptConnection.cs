using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

// SqliteRelationalConnection is EF Core's own SQLite connection service, public but marked internal API (EF1001): the
// one place its close can be changed. An EF Core upgrade that changes it fails this file's build, not a request.
#pragma warning disable EF1001
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// On SQLite a pooled context keeps its connection open for its whole life, across requests (issue 19, ADR 0076),
/// instead of EF Core closing it after each statement and again when the context goes back to the pool. Every close
/// handed the native connection back to Microsoft.Data.Sqlite's pool and every open took one again, both under that
/// pool's one lock, and each open registered EF Core's SQL functions on it anew: a sixth of a one-statement read's CPU.
/// The native connections are the same ones that pool would keep open anyway (one per request in flight). Nothing is
/// held between statements but the handle: outside a transaction SQLite keeps no read snapshot, so writers and WAL
/// checkpoints are not held up. A connection is closed for real when it is left inside a transaction (rolled back),
/// when the context is disposed for good, and after <see cref="ReleaseAll"/>.
/// </summary>
public sealed class SqliteKeptConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private static int generation;
    private int openedIn = -1;
    private PreparedStatements? statements;

    /// <summary>This connection's prepared statements.</summary>
    internal PreparedStatements Statements => statements ??= new();

    /// <summary>
    /// Makes the context's connection service this one. Its queries run prepared statements again where their command is a
    /// <see cref="PlatformCommand"/> (<see cref="PlatformCommandBuilderFactory.Use"/>).
    /// </summary>
    public static void Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, SqliteKeptConnection>();

    /// <summary>
    /// Makes every context drop its kept connection before its next use, and clears Microsoft.Data.Sqlite's pools:
    /// what <see cref="SqliteConnection.ClearAllPools"/> alone does for connections that go back to a pool.
    /// </summary>
    public static void ReleaseAll()
    {
        Interlocked.Increment(ref generation);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Called as a lease starts: closes a connection kept from before <see cref="ReleaseAll"/>.</summary>
    public void Renew()
    {
        if (openedIn != Volatile.Read(ref generation) && DbConnection.State != ConnectionState.Closed)
        {
            CloseForReal();
        }
    }

    protected override void OpenDbConnection(bool errorsExpected)
    {
        openedIn = Volatile.Read(ref generation);
        base.OpenDbConnection(errorsExpected);
        Configure();
    }

    protected override async Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        openedIn = Volatile.Read(ref generation);
        await base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
        Configure();
    }

    /// <summary>
    /// Two settings of the native connection, made once when it opens.
    /// <para>
    /// A writer that finds the write lock taken waits inside SQLite, which retries after 1, 2, 5, 10, … ms (up to 100 ms
    /// apart) for as long as the connection's default timeout. Without it SQLite answers "busy" at once and
    /// Microsoft.Data.Sqlite retries every 150 ms: in a redemption rush on SQLite (50 writers at once) a request could
    /// sleep through several such steps, up to 1.3 s at the 99th percentile (issue 19, ADR 0081).
    /// </para>
    /// <para>
    /// The query planner's stability guarantee (ADR 0094): a statement's plan no longer depends on its parameters'
    /// values. Without it SQLite reads a bound <c>LIMIT</c> value while planning, so binding a new one expires the
    /// statement, and every paged list re-parsed and re-planned its page query on every request, prepared statement or
    /// not (ADR 0076).
    /// </para>
    /// </summary>
    private void Configure()
    {
        var connection = (SqliteConnection)DbConnection;
        SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, connection.DefaultTimeout * 1000);
        SQLitePCL.raw.sqlite3_db_config(connection.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
    }

    protected override void CloseDbConnection()
    {
        if (MustClose())
        {
            CloseForReal();
        }
    }

    protected override Task CloseDbConnectionAsync()
    {
        CloseDbConnection();
        return Task.CompletedTask;
    }

    /// <summary>
    /// The context goes back to the pool. EF Core closes only a connection it believes it opened; one it found open
    /// (opened by an earlier lease, kept here) it leaves as it is, so a transaction begun behind its back would pass
    /// to the next lease: closing rolls it back.
    /// </summary>
    protected override void ResetState(bool disposeDbConnection)
    {
        base.ResetState(disposeDbConnection);
        CloseIfItMust();
    }

    protected override async ValueTask ResetStateAsync(bool disposeDbConnection)
    {
        await base.ResetStateAsync(disposeDbConnection);
        CloseIfItMust();
    }

    /// <summary>At the end of a lease: the connection stays open unless it is broken, in a transaction or released.</summary>
    private void CloseIfItMust()
    {
        if (DbConnection.State != ConnectionState.Closed && MustClose())
        {
            CloseForReal();
        }
    }

    protected override void DisposeDbConnection()
    {
        statements?.Clear();
        base.DisposeDbConnection();
    }

    protected override ValueTask DisposeDbConnectionAsync()
    {
        statements?.Clear();
        return base.DisposeDbConnectionAsync();
    }

    /// <summary>
    /// Closes the connection, rolling back first a transaction still open on it: Microsoft.Data.Sqlite's pool would
    /// hand the native connection out again as it is, transaction and all.
    /// </summary>
    private void CloseForReal()
    {
        statements?.Clear();
        if (InTransaction(DbConnection))
        {
            SQLitePCL.raw.sqlite3_exec(((SqliteConnection)DbConnection).Handle, "ROLLBACK");
        }

        base.CloseDbConnection();
    }

    /// <summary>
    /// EF Core closes the connection it opened after each statement and when the context goes back to the pool; it
    /// stays open unless it is broken, released, or still inside a transaction, so no request ever finds another's
    /// transaction on it.
    /// </summary>
    private bool MustClose() =>
        DbConnection.State != ConnectionState.Open || openedIn != Volatile.Read(ref generation) || InTransaction(DbConnection);

    /// <summary>Whether a transaction is open on the connection (SQLite's autocommit is off), whoever began it.</summary>
    private static bool InTransaction(DbConnection connection) =>
        connection is SqliteConnection { State: ConnectionState.Open, Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;
}

/// <summary>
/// The prepared statements of one kept connection, by SQL text (issue 19, ADR 0076). EF Core makes a new command for
/// every statement and disposes it afterwards, so SQLite parsed and planned the same few hundred queries again on
/// every request: a fifth of a one-statement read's CPU. A query's command is swapped, once EF Core has set its text
/// and parameters, for the connection's kept command of the same text, whose statement SQLite has prepared already;
/// disposing it only hands it back. Only EF Core's LINQ queries and hand-written reads are kept (their texts are few and
/// fixed), at most <see cref="Limit"/> per connection; a text whose command is still reading (a query run inside
/// another's loop) runs on the fresh command as before. A connection's statements are finalized when it is closed for real.
/// </summary>
internal sealed class PreparedStatements
{
    private const int Limit = 128;
    private readonly Dictionary<string, KeptCommand> commands = new(StringComparer.Ordinal);

    public DbCommand Reuse(SqliteCommand fresh)
    {
        if (fresh.Connection is not { } connection)
        {
            return fresh;
        }

        if (!commands.TryGetValue(fresh.CommandText, out var kept))
        {
            if (commands.Count >= Limit)
            {
                return fresh;
            }

            kept = new KeptCommand(fresh.CommandText, connection);
            commands.Add(fresh.CommandText, kept);
        }
        else if (kept.InUse || !ReferenceEquals(kept.Connection, connection))
        {
            return fresh;
        }

        kept.TakeOver(fresh);
        return kept;
    }

    public void Clear()
    {
        foreach (var command in commands.Values)
        {
            command.Release();
        }

        commands.Clear();
    }

    /// <summary>A command whose disposal hands it back, prepared statement and all, until its connection lets go.</summary>
    private sealed class KeptCommand(string text, SqliteConnection connection) : SqliteCommand(text, connection)
    {
        private bool released;

        public bool InUse { get; private set; }

        public void TakeOver(SqliteCommand fresh)
        {
            Transaction = fresh.Transaction;
            CommandTimeout = fresh.CommandTimeout;
            for (var i = 0; i < fresh.Parameters.Count; i++)
            {
                Parameters.Add(fresh.Parameters[i]);
            }

            fresh.Dispose();
            InUse = true;
        }

        public void Release()
        {
            released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            Parameters.Clear();
            InUse = false;
            if (released)
            {
                base.Dispose(disposing);
            }
        }
    }
}
