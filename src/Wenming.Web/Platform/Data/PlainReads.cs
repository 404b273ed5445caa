using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// One text column read with a plain ADO.NET command on the context's connection (and its transaction, if any). For
/// the checks a start runs before serving (the migration history, the PII key's fingerprint): as LINQ they were the
/// process's first queries, and EF Core's first query derives the relational mapping of the whole model and compiles
/// its query pipeline, ~0.4 s of a 2 s start on two cores (issue 19). That work now happens in the key ring's load on
/// the thread pool (<c>StartupWarmUp.KeyRing</c>), beside Kestrel's start.
/// </summary>
internal static class PlainReads
{
    public static async Task<List<string>> TextsAsync(DatabaseFacade database, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var texts = new List<string>();
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

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                texts.Add(reader.GetString(0));
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }

        return texts;
    }
}
