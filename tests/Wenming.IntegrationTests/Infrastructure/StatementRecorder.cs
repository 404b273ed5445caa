using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wenming.Web.Platform.Data;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>
/// Every command a host's <see cref="AppDbContext"/>s send, with the actor and scope of the context that sent it
/// (one context per request), and every savepoint: how the statement-count and query-log tests (issue 19) see what
/// reaches the database. Counts, never times. Add it to a host with <see cref="AddTo"/>; it records between
/// <see cref="Start"/> and <see cref="Stop"/>.
/// </summary>
public sealed class StatementRecorder
{
    private readonly ConcurrentQueue<RecordedStatement> _statements = new();
    private volatile bool _recording;

    /// <summary>Puts the recorder on every context of the host whose services these are.</summary>
    public void AddTo(IServiceCollection services) =>
        services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(new CommandRecorder(this), new SavepointRecorder(this)));

    /// <summary>Forgets what was recorded and records from now on.</summary>
    public void Start()
    {
        _statements.Clear();
        _recording = true;
    }

    /// <summary>Stops recording; what was recorded since <see cref="Start"/>.</summary>
    public IReadOnlyList<RecordedStatement> Stop()
    {
        _recording = false;
        return [.. _statements];
    }

    /// <summary>
    /// Each statement of the commands on one line, identifiers unquoted (EF batches several statements into one
    /// command, separated by ";" at a line end): what a database's statement log would show.
    /// </summary>
    public static List<string> Lines(IEnumerable<RecordedStatement> recorded) =>
    [
        .. recorded.SelectMany(r => r.Sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => string.Join(' ', s.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .TrimEnd(';').Replace("\"", "", StringComparison.Ordinal)),
    ];

    private void Add(RecordedStatement statement)
    {
        if (_recording)
        {
            _statements.Enqueue(statement);
        }
    }

    /// <summary>The contexts are pooled with options built once (ADR 0062): the caller is the one bound to the context that sends.</summary>
    private sealed class CommandRecorder(StatementRecorder recorder) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Record(command, eventData, result);

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Record(command, eventData, result);

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Record(command, eventData, result);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, eventData, result));

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, eventData, result));

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Record(command, eventData, result));

        private T Record<T>(DbCommand command, CommandEventData eventData, T result)
        {
            // A read without a context (PostgresDirectReads: the account's re-read, before anyone is signed in for the
            // request) is sent for no actor and past the org scope, as its RawStatement twin on SQLite declares.
            recorder.Add(eventData.Context is AppDbContext db
                ? new RecordedStatement(command.CommandText, db.BoundActor.Login, db.BoundActor.CountyId, db.BoundScope.IsUnrestricted)
                : new RecordedStatement(command.CommandText, null, null, ScopeLifted: true));
            return result;
        }
    }

    private sealed class SavepointRecorder(StatementRecorder recorder) : DbTransactionInterceptor
    {
        public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            recorder.Add(new RecordedStatement("SAVEPOINT " + eventData.TransactionId, null, null, false));
            return result;
        }

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(CreatingSavepoint(transaction, eventData, result));
    }
}

/// <summary>One command as sent (or a savepoint), and who it was sent for.</summary>
/// <param name="ScopeLifted">The context's org scope was unrestricted (a system operation or a named unscoped read).</param>
public sealed record RecordedStatement(string Sql, string? Login, long? ActorCounty, bool ScopeLifted);
