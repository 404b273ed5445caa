using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// Off unless <c>Data:CaptureSql</c> names a file (bench/compare.sh sets it). Appends every command that EF Core
/// runs for a request carrying the <c>X-Bench-Capture: name</c> header to that file, one JSON line each: the SQL,
/// how it was executed and each parameter with its value and CLR type, so bench/Wenming.Bench.Bare can replay
/// exactly the platform's statements through raw ADO.NET. An interceptor rather than EF's log: it sees typed
/// values (arrays, dates, bytes) that log text would flatten. The file holds parameter values (logins, hashes),
/// which is why it is opt-in and only ever written for requests that ask for it.
/// </summary>
public sealed class SqlCapture(string path, IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Bench-Capture";
    private static readonly Lock WriteLock = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command, "reader");
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command, "reader");
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command, "scalar");
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command, "scalar");
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command, "nonquery");
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command, "nonquery");
        return result;
    }

    private void Record(DbCommand command, string kind)
    {
        var context = http.HttpContext;
        var route = context?.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(route))
        {
            return;
        }

        var line = JsonSerializer.Serialize(new
        {
            route,
            request = context!.TraceIdentifier,
            kind,
            sql = command.CommandText,
            // Which commands shared a transaction, so the replay can open one around the same run.
            transaction = command.Transaction is { } t ? RuntimeHelpers.GetHashCode(t) : (int?)null,
            parameters = command.Parameters.Cast<DbParameter>().Select(p => new
            {
                name = p.ParameterName,
                clrType = p.Value is null or DBNull ? null : p.Value.GetType().FullName,
                value = p.Value is DBNull ? null : p.Value,
                dbType = p.DbType.ToString(),
                providerType = p switch
                {
                    Npgsql.NpgsqlParameter n when n.DataTypeName is not null => n.DataTypeName,
                    Microsoft.Data.Sqlite.SqliteParameter s => s.SqliteType.ToString(),
                    _ => null,
                },
            }),
        });
        lock (WriteLock)
        {
            File.AppendAllText(path, line + "\n");
        }
    }
}
