using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// The rows of a hand-written statement (an UPDATE … RETURNING, a chain of writes in one WITH), sent the way EF Core
/// sends <c>ExecuteSql</c>: on the context's connection and in its transaction, through its interceptors (the command
/// metrics, the failed-command log, the tests' statement recorder), with the interpolated values as parameters. Unlike
/// <c>Database.SqlQuery</c> it does not pass the LINQ query pipeline: that looked the statement up in the query cache,
/// walked its expression and rebuilt its parameters on every run, about half of the web process's CPU for the
/// redemption's three statements (issue 19, ADR 0081). Columns are read by position: <paramref name="row"/> reads them
/// in the order the statement selects them.
/// </summary>
public static class RawRows
{
    public static async Task<List<T>> ReadAsync<T>(this DatabaseFacade database, FormattableString sql, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var accessor = (IDatabaseFacadeDependenciesAccessor)database;
        var dependencies = (IRelationalDatabaseFacadeDependencies)accessor.Dependencies;
        var command = dependencies.RawSqlCommandBuilder.Build(sql.Format, sql.GetArguments()!, accessor.Context.Model);
        using var critical = dependencies.ConcurrencyDetector.EnterCriticalSection();
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(
            new RelationalCommandParameterObject(dependencies.RelationalConnection, command.ParameterValues, null, accessor.Context, dependencies.CommandLogger, CommandSource.FromSqlQuery),
            ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(row(reader.DbDataReader));
        }

        return rows;
    }
}
