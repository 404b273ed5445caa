using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// One fresh, empty database: a file in a temp folder on SQLite, or <c>CREATE DATABASE wm_&lt;random&gt;</c>
/// on the server named by <c>WENMING_TEST_POSTGRES</c>. Dropped (or deleted) when disposed.
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
    /// with WithWebHostBuilder, must use the same key, or the start-up key check refuses it (ADR 0021).
    /// </summary>
    public string PiiKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string ConnectionString { get; }

    /// <summary>A temp folder owned by this database (the SQLite file, the app's data folder).</summary>
    public string Directory { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        // Fails first (with the reason) when PostgreSQL is required but not configured, leaving nothing behind.
        var server = provider == DatabaseProvider.Postgres ? PostgresServer.Require() : null;
        var directory = Path.Combine(Path.GetTempPath(), "wm-it-" + RandomSuffix());
        System.IO.Directory.CreateDirectory(directory);
        if (server is null)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "wenming.db")}", directory, null, null);
        }

        var name = "wm_" + RandomSuffix();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(provider, connectionString, directory, server, name);
    }

    /// <summary>Takes the database away under the running app (to prove readiness notices).</summary>
    public async Task BreakAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            using (var pooled = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

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
            await using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

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
