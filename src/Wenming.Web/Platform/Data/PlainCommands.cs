using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// Plain ADO.NET commands on the context's connection (and its transaction, if any), for what a start runs before
/// serving: the migration history, an empty database's schema (<see cref="EmptyDatabaseScript"/>), the PII key's
/// fingerprint. As LINQ they were the process's first queries, and EF Core's first query derives the relational
/// mapping of the whole model and compiles its query pipeline, ~0.4 s of a 2 s start on two cores (issue 19). That
/// work now happens in the key ring's load on the thread pool (<c>StartupWarmUp.KeyRing</c>), beside Kestrel's start.
/// </summary>
internal static class PlainCommands
{
    /// <summary>The first column of every row, as text.</summary>
    public static Task<List<string>> TextsAsync(DatabaseFacade database, string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        RunAsync(database, sql, parameters, async command =>
        {
            var texts = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                texts.Add(reader.GetString(0));
            }

            return texts;
        }, ct);

    /// <summary>Runs <paramref name="sql"/> (one statement or several); the number of rows it changed.</summary>
    public static Task<int> ExecuteAsync(DatabaseFacade database, string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        RunAsync(database, sql, parameters, command => command.ExecuteNonQueryAsync(ct), ct);

    private static async Task<T> RunAsync<T>(DatabaseFacade database, string sql, (string Name, object Value)[] parameters, Func<DbCommand, Task<T>> run, CancellationToken ct)
    {
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = database.GetDbConnection().CreateCommand();
            command.Transaction = database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return await run(command);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
