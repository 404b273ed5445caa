using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// The rows of a hand-written statement (an UPDATE … RETURNING, a chain of writes in one WITH), sent the way EF Core
/// sends <c>ExecuteSql</c>: on the context's connection and in its transaction, as the platform's command (<see cref="PlatformCommand"/>: the
/// command metric, the failed-command log, SQLite's prepared statements), with the interpolated values as parameters. Unlike
/// <c>Database.SqlQuery</c> it does not pass the LINQ query pipeline: that looked the statement up in the query cache,
/// walked its expression and rebuilt its parameters on every run, about half of the web process's CPU for the
/// redemption's three statements (issue 19, ADR 0081). Columns are read by position: <paramref name="row"/> reads them
/// in the order the statement selects them.
/// </summary>
public static class RawRows
{
    public static Task<List<T>> ReadAsync<T>(this DatabaseFacade database, FormattableString sql, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var (context, dependencies) = Open(database);
        var command = dependencies.RawSqlCommandBuilder.Build(sql.Format, sql.GetArguments()!, context.Model);
        return ExecuteAsync(context, dependencies, command.RelationalCommand, command.ParameterValues, row, ct);
    }

    internal static (DbContext Context, IRelationalDatabaseFacadeDependencies Dependencies) Open(DatabaseFacade database)
    {
        var accessor = (IDatabaseFacadeDependenciesAccessor)database;
        return (accessor.Context, (IRelationalDatabaseFacadeDependencies)accessor.Dependencies);
    }

    internal static async Task<List<T>> ExecuteAsync<T>(
        DbContext context, IRelationalDatabaseFacadeDependencies dependencies, IRelationalCommand command,
        IReadOnlyDictionary<string, object?> parameterValues, Func<DbDataReader, T> row, CancellationToken ct)
    {
        using var critical = dependencies.ConcurrencyDetector.EnterCriticalSection();
        await using var reader = await command.ExecuteReaderAsync(
            new RelationalCommandParameterObject(dependencies.RelationalConnection, parameterValues, null, context, dependencies.CommandLogger, CommandSource.FromSqlQuery),
            ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(row(reader.DbDataReader));
        }

        return rows;
    }
}

/// <summary>
/// A hand-written statement run on every request (the account's re-read on SQLite, a resident's shelf), built once per model: <see cref="RawRows"/>
/// parses the statement and types its parameters on each run, this keeps EF Core's command and only sets the values.
/// Built from the model (<paramref name="format"/>: the statement with <c>{0}</c>, <c>{1}</c>, … where the values go),
/// so that table and column names come from the mapping; the values' types must be the same on every run, because
/// the parameters are typed by the first run's values. It runs as <see cref="RawRows"/> does: the context's connection
/// and transaction, the platform's command. No query filter applies to hand-written SQL, so the statement names why it may
/// read past the org scope, as <c>Unscoped(because: Why.X)</c> does, and the architecture tests hold it to the list
/// of such places (ADR 0027).
/// </summary>
public sealed class RawStatement(Why because, Func<IModel, string> format)
{
    /// <summary>Why the statement reads past the org scope.</summary>
    public Why Purpose { get; } = because;

    /// <summary>A table's name as the model maps it, quoted for the statement.</summary>
    public static string Table(IEntityType type) => Quote(type.GetTableName()!);

    /// <summary><c>alias."Column"</c> of a property as the model maps it.</summary>
    public static string Column(IEntityType type, string alias, string property) => $"{alias}.{Name(type, property)}";

    /// <summary><c>"Column"</c> of a property as the model maps it (where no alias may stand: an insert's columns).</summary>
    public static string Name(IEntityType type, string property) => Quote(type.FindProperty(property)!.GetColumnName());

    // Double quotes delimit an identifier in standard SQL, on SQLite and PostgreSQL alike.
    private static string Quote(string identifier) => $"\"{identifier}\"";

    private readonly ConcurrentDictionary<IModel, (IRelationalCommandTemplate Template, string[] Names)> built = new();

    public async Task<T?> ReadFirstOrDefaultAsync<T>(DbContext db, Func<DbDataReader, T> row, CancellationToken ct, params object[] values)
        where T : class =>
        await ReadAsync(db, row, ct, values) is [var first, ..] ? first : null;

    /// <summary>Every row the statement answers, in the order the database returns them.</summary>
    public async Task<List<T>> ReadAsync<T>(DbContext db, Func<DbDataReader, T> row, CancellationToken ct, params object[] values)
    {
        var (context, dependencies) = RawRows.Open(db.Database);
        var (template, names) = built.GetOrAdd(context.Model, static (model, state) =>
        {
            var raw = state.Dependencies.RawSqlCommandBuilder.Build(state.Format(model), state.Values, model);
            return ((IRelationalCommandTemplate)raw.RelationalCommand, raw.ParameterValues.Keys.ToArray());
        }, (Format: format, Dependencies: dependencies, Values: values));
        var parameterValues = new Dictionary<string, object?>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            parameterValues[names[i]] = values[i];
        }

        // The built command is only a template shared by every context: a command keeps its data reader between runs,
        // so each run takes the connection's own command and fills it in, as EF Core's queries do.
        var connection = dependencies.RelationalConnection;
        var rented = connection.RentCommand();
        try
        {
            rented.PopulateFrom(template);
            return await RawRows.ExecuteAsync(context, dependencies, rented, parameterValues, row, ct);
        }
        finally
        {
            connection.ReturnCommand(rented);
        }
    }
}
