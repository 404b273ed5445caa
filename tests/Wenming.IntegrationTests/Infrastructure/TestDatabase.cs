using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// One database of its own: a file in a temp folder on SQLite, or <c>CREATE DATABASE wm_&lt;random&gt;</c>
/// on the server named by <c>WENMING_TEST_POSTGRES</c> — empty (<see cref="CreateAsync"/>) or a copy of a
/// template migrated and seeded once per run (<see cref="CopyOfTemplateAsync"/>). Dropped (or deleted) when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string directory, string? serverConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>
    /// The PII key of this database (Security:PiiKey): every app on it, including the ones a test derives
    /// with WithWebHostBuilder, must use the same key, or the start-up key check refuses it (ADR 0021); one
    /// per run, since every database is a copy of a template seeded with it.
    /// </summary>
    public string PiiKey { get; } = WenmingFactory.PiiKey;

    public string ConnectionString { get; }

    /// <summary>A temp folder owned by this database (the SQLite file, the app's data folder).</summary>
    public string Directory { get; }

    private string SqliteFile => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>
    /// Ends every connection to this database so it can be copied: pools cleared, and on SQLite the WAL folded
    /// back into the file (the last connection to close removes the -wal and -shm files).
    /// </summary>
    public async Task CloseForCopyingAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            using (var pooled = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
                await checkpoint.ExecuteNonQueryAsync();
            }

            var wal = new FileInfo(SqliteFile + "-wal");
            if (wal.Exists && wal.Length > 0)
            {
                throw new InvalidOperationException($"The template {SqliteFile} still has a write-ahead log after its checkpoint; a copy of the file alone would miss data.");
            }

            return;
        }

        await ClearPostgresPoolsAsync();
    }

    /// <summary>An empty database.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>
    /// A copy of the run's template for <paramref name="provider"/>: migrated, and with the demo county (and
    /// the second county) when <paramref name="seeded"/>. Copying takes well under a second where migrating and
    /// seeding take several (see <see cref="DatabaseTemplates"/>).
    /// </summary>
    public static async Task<TestDatabase> CopyOfTemplateAsync(DatabaseProvider provider, bool seeded) =>
        await CreateAsync(provider, await DatabaseTemplates.GetAsync(provider, seeded));

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TestDatabase? template)
    {
        // Fails first (with the reason) when PostgreSQL is required but not configured, leaving nothing behind.
        var server = provider == DatabaseProvider.Postgres ? PostgresServer.Require() : null;
        var directory = Path.Combine(Path.GetTempPath(), "wm-it-" + RandomSuffix());
        System.IO.Directory.CreateDirectory(directory);
        if (server is null)
        {
            var file = Path.Combine(directory, "wenming.db");
            if (template is not null)
            {
                // The template was checkpointed and closed when it was made (no -wal/-shm beside it), so the file is the whole database.
                File.Copy(template.SqliteFile, file);
            }

            return new TestDatabase(provider, $"Data Source={file}", directory, null, null);
        }

        var name = (template is null ? "wm_" : "wm_copy_") + RandomSuffix();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE {(template is null ? "template0" : $"\"{template._databaseName}\"")}", connection);
                    await create.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    // "source database is being accessed by other users": nobody connects to the template after it is
                    // made, but the server may still be ending the last session of the host that made it.
                    await Task.Delay(250 * attempt);
                }
            }
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(provider, connectionString, directory, server, name);
    }

    /// <summary>
    /// Closes the idle pooled connections to this database: the test's own pool and the app's two, whose connection
    /// strings the platform extends (No Reset On Close, ADR 0032; multiplexed or not, ADR 0093) and which are
    /// therefore pools of their own.
    /// </summary>
    private async Task ClearPostgresPoolsAsync()
    {
        foreach (var connectionString in new[] { ConnectionString, DatabaseSetup.PostgresConnectionString(ConnectionString), DatabaseSetup.PostgresDirectConnectionString(ConnectionString) })
        {
            await using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    /// <summary>Takes the database away under the running app (to prove readiness notices).</summary>
    public async Task BreakAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // The running app's pooled contexts keep their connections open (ADR 0076): make them let go too.
            SqliteKeptConnection.ReleaseAll();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        await ClearPostgresPoolsAsync();

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
        else if (_serverConnectionString is not null)
        {
            await ClearPostgresPoolsAsync();

            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; a failing dispose would hide the test's real outcome.
        }
    }

    private static string RandomSuffix() => Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
}
