using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Wenming.Web.Platform.Metrics;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// EF Core's command with the platform's own work around every statement done in the command itself, not in command
/// interceptors (issue 19, ADR 0095): on SQLite it swaps a query's fresh command for the kept connection's prepared
/// one (ADR 0076), and every command's time goes to /metrics and a failure to one log line (<see cref="CommandWatch"/>).
/// With any command interceptor registered, EF Core takes its logging path for every statement: a new command id
/// (<see cref="Guid.NewGuid"/>, which reads /dev/urandom on this runtime), an event object for each step of the
/// command's life (created, executed, its reader closed, …), and the interceptors called at each. Without one it skips
/// all of that.
/// </summary>
public sealed class PlatformCommandBuilderFactory(RelationalCommandBuilderDependencies dependencies)
    : RelationalCommandBuilderFactory(dependencies)
{
    /// <summary>Makes every command of the context's options a <see cref="PlatformCommand"/>.</summary>
    public static void Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<IRelationalCommandBuilderFactory, PlatformCommandBuilderFactory>();

    public override IRelationalCommandBuilder Create() => new Builder(Dependencies);

    private sealed class Builder(RelationalCommandBuilderDependencies dependencies) : RelationalCommandBuilder(dependencies)
    {
        // The text to log is the builder's own (private) state: EF Core's command carries it over.
        public override IRelationalCommand Build() =>
            base.Build() is RelationalCommand built
                ? new PlatformCommand(Dependencies, built.CommandText, built.LogCommandText, built.Parameters)
                : throw new InvalidOperationException("EF Core's command builder no longer builds a RelationalCommand.");
    }
}

/// <inheritdoc cref="PlatformCommandBuilderFactory"/>
public sealed class PlatformCommand(
    RelationalCommandBuilderDependencies dependencies, string commandText, string logCommandText, IReadOnlyList<IRelationalParameter> parameters)
    : RelationalCommand(dependencies, commandText, logCommandText, parameters)
{
    /// <summary>
    /// LINQ queries and hand-written reads (<see cref="RawRows"/>, <see cref="RawStatement"/>) on a kept SQLite
    /// connection run its prepared statement of the same text: their texts are few and fixed, their values change.
    /// </summary>
    public override DbCommand CreateDbCommand(RelationalCommandParameterObject parameterObject, Guid commandId, DbCommandMethod commandMethod)
    {
        var command = base.CreateDbCommand(parameterObject, commandId, commandMethod);
        return parameterObject.CommandSource is CommandSource.LinqQuery or CommandSource.FromSqlQuery
            && command is SqliteCommand sqlite && parameterObject.Connection is SqliteKeptConnection kept
            ? kept.Statements.Reuse(sqlite)
            : command;
    }

    public override RelationalDataReader ExecuteReader(RelationalCommandParameterObject parameterObject) =>
        Watch(parameterObject) is { } watch ? Watched(watch, parameterObject, base.ExecuteReader) : base.ExecuteReader(parameterObject);

    public override Task<RelationalDataReader> ExecuteReaderAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default) =>
        Watch(parameterObject) is { } watch ? Watched(watch, parameterObject, base.ExecuteReaderAsync, cancellationToken) : base.ExecuteReaderAsync(parameterObject, cancellationToken);

    public override int ExecuteNonQuery(RelationalCommandParameterObject parameterObject) =>
        Watch(parameterObject) is { } watch ? Watched(watch, parameterObject, base.ExecuteNonQuery) : base.ExecuteNonQuery(parameterObject);

    public override Task<int> ExecuteNonQueryAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default) =>
        Watch(parameterObject) is { } watch ? Watched(watch, parameterObject, base.ExecuteNonQueryAsync, cancellationToken) : base.ExecuteNonQueryAsync(parameterObject, cancellationToken);

    public override object? ExecuteScalar(RelationalCommandParameterObject parameterObject) =>
        Watch(parameterObject) is { } watch ? Watched(watch, parameterObject, base.ExecuteScalar) : base.ExecuteScalar(parameterObject);

    public override Task<object?> ExecuteScalarAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default) =>
        Watch(parameterObject) is { } watch ? Watched(watch, parameterObject, base.ExecuteScalarAsync, cancellationToken) : base.ExecuteScalarAsync(parameterObject, cancellationToken);

    // The platform's contexts carry the watch; a context made by hand (a test, a tool) runs its commands unwatched.
    private static CommandWatch? Watch(RelationalCommandParameterObject parameterObject) =>
        (parameterObject.Context as AppDbContext)?.CommandWatch;

    private T Watched<T>(CommandWatch watch, RelationalCommandParameterObject parameterObject, Func<RelationalCommandParameterObject, T> execute)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = execute(parameterObject);
            watch.Done(parameterObject.Connection, started);
            return result;
        }
        catch (Exception e) when (watch.Failed(parameterObject.Connection, started, e, Dependencies.ExceptionDetector, default))
        {
            throw; // Not reached: the watch lets the exception pass.
        }
    }

    private async Task<T> Watched<T>(
        CommandWatch watch, RelationalCommandParameterObject parameterObject,
        Func<RelationalCommandParameterObject, CancellationToken, Task<T>> execute, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await execute(parameterObject, cancellationToken);
            watch.Done(parameterObject.Connection, started);
            return result;
        }
        catch (Exception e) when (watch.Failed(parameterObject.Connection, started, e, Dependencies.ExceptionDetector, cancellationToken))
        {
            throw; // Not reached: the watch lets the exception pass.
        }
    }
}

/// <summary>
/// What the platform records of every database command (<see cref="PlatformCommand"/>): its time, from opening the
/// connection to the first result, on /metrics (<c>wenming_db_command_duration_seconds</c>), and a failure in one log
/// line (<see cref="FailedCommandLog"/>). A cancelled command is neither: the caller went away.
/// </summary>
public sealed class CommandWatch(FailedCommandLog failures, WenmingMetrics? metrics = null)
{
    internal void Done(IRelationalConnection connection, long started) => Done(Provider(connection), started);

    internal void Done(string provider, long started) =>
        metrics?.DbCommand(Stopwatch.GetElapsedTime(started), provider, failed: false);

    /// <summary>Records the failure and answers false, so that an exception filter lets the exception pass on.</summary>
    internal bool Failed(IRelationalConnection connection, long started, Exception exception, IExceptionDetector detector, CancellationToken cancellationToken) =>
        !detector.IsCancellation(exception, cancellationToken) && Failed(Provider(connection), started, exception);

    /// <summary>Records a failure that is not a cancellation; answers false, as the other overload.</summary>
    internal bool Failed(string provider, long started, Exception exception)
    {
        metrics?.DbCommand(Stopwatch.GetElapsedTime(started), provider, failed: true);
        failures.Log(exception);
        return false;
    }

    // From the connection's type: asking the context (Database.IsNpgsql) reads the provider's assembly name by
    // reflection on every command (issue 19).
    private static string Provider(IRelationalConnection connection) =>
        connection.DbConnection is Npgsql.NpgsqlConnection ? "postgresql" : "sqlite";
}
