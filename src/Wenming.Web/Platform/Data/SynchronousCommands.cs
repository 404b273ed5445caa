using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// Plain commands for the callers that are synchronous by contract: the key ring's <c>IXmlRepository</c> and the
/// metrics' observable gauges, each called on whatever thread needs it. On PostgreSQL the platform's connections are
/// multiplexed (ADR 0093): Npgsql refuses synchronous commands on them, and blocking on an asynchronous one could
/// block the very driver thread that would complete it. So these run on a connection of their own, not multiplexed.
/// SQLite has no asynchronous I/O to wait on, and the context's own (kept) connection serves.
/// Only for tables outside the org scope: a plain command carries no query filter.
/// </summary>
internal static class SynchronousCommands
{
    public static T Run<T>(DbContext db, Func<DbCommand, T> run)
    {
        if (db.Database.IsNpgsql())
        {
            using var connection = new NpgsqlConnection(DatabaseSetup.PostgresDirectConnectionString(db.Database.GetConnectionString()!));
            connection.Open();
            using var command = connection.CreateCommand();
            return run(command);
        }

        db.Database.OpenConnection();
        try
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            return run(command);
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
