using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// On PostgreSQL, a one-row read by a key that every request makes (the signed-in account's re-read) run straight on
/// Npgsql, without an EF Core context (issue 19, ADR 0096): for <c>GET /me</c> the context's lease, its reset on return
/// and EF Core's command and connection around the one statement were about a tenth of the web process's CPU. It uses
/// the contexts' own connection string, so the same multiplexed pool, and does what their commands do around a
/// statement: the command metric and the failed-command log (<see cref="CommandWatch"/>), and the contexts' command
/// interceptors are told of it (the bench's SQL capture, the tests' statement recorder; the platform registers none).
/// Off on SQLite (<see cref="IsOn"/>), where the kept connection's prepared statement is already the cheap path.
/// </summary>
public sealed class PostgresDirectReads
{
    private const string Provider = "postgresql";

    // What an interceptor is handed with the command. EF Core's own logging options type is marked internal API (EF1001).
#pragma warning disable EF1001
    private static readonly EventDefinition Executing = new(
        new Microsoft.EntityFrameworkCore.Diagnostics.Internal.LoggingOptions(), RelationalEventId.CommandExecuting, LogLevel.Debug, "RelationalEventId.CommandExecuting",
        level => LoggerMessage.Define(level, RelationalEventId.CommandExecuting, "Executing a direct read."));
#pragma warning restore EF1001

    private readonly string? _connectionString;
    private readonly IDbCommandInterceptor[] _interceptors;
    private readonly CommandWatch _watch;
    private readonly TimeProvider _clock;

    public PostgresDirectReads(DbContextOptions<AppDbContext> options, CommandWatch watch, TimeProvider clock)
    {
        _watch = watch;
        _clock = clock;
        var core = options.FindExtension<CoreOptionsExtension>();
        Model = core?.Model;
        _interceptors = [.. core?.Interceptors?.OfType<IDbCommandInterceptor>() ?? []];
        // Only with the generated model: the statement's table and column names come from it.
        if (Model is not null && options.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault() is { ConnectionString: { } connectionString } relational
            && relational.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal))
        {
            _connectionString = connectionString;
        }
    }

    /// <summary>Whether reads go this way (PostgreSQL); otherwise the caller reads through its context.</summary>
    public bool IsOn => _connectionString is not null;

    /// <summary>The contexts' model, for the statement's names.</summary>
    public IModel? Model { get; }

    /// <summary>The first row <paramref name="sql"/> answers for <paramref name="key"/> (its one parameter, <c>$1</c>), or null.</summary>
    public async Task<T?> ReadFirstOrDefaultAsync<T>(string sql, long key, Func<DbDataReader, T> row, CancellationToken ct)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString ?? throw new InvalidOperationException("Direct reads are off."));
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            await TellInterceptorsAsync(connection, command, ct);
            T? result;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                result = await reader.ReadAsync(ct) ? row(reader) : null;
            }

            _watch.Done(Provider, started);
            return result;
        }
        // A cancelled read is not a failure: the caller went away (as CommandWatch treats EF Core's commands).
        catch (Exception e) when (!ct.IsCancellationRequested && _watch.Failed(Provider, started, e))
        {
            throw; // Not reached: the watch lets the exception pass.
        }
    }

    private async Task TellInterceptorsAsync(DbConnection connection, DbCommand command, CancellationToken ct)
    {
        if (_interceptors.Length == 0)
        {
            return;
        }

        var data = new CommandEventData(
            Executing, static (_, _) => "Executing a direct read.", connection, command, command.CommandText, context: null,
            DbCommandMethod.ExecuteReader, Guid.Empty, Guid.Empty, async: true, logParameterValues: false, _clock.GetUtcNow(), CommandSource.FromSqlQuery);
        foreach (var interceptor in _interceptors)
        {
            await interceptor.ReaderExecutingAsync(command, data, default, ct);
        }
    }
}
