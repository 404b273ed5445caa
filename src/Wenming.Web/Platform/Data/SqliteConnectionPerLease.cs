using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// On SQLite a context keeps the connection it first opened until it is disposed or returned to the context pool
/// (issue 19, ADR 0075), instead of EF Core closing it after every statement. Each close handed the connection back
/// to Microsoft.Data.Sqlite's pool and each open took one again, both under the pool's one lock, and an open
/// registers EF Core's SQL functions on the connection anew: under load a request of a dozen statements spent a sixth
/// of its time there. Nothing is held across statements but the open handle: outside a transaction SQLite keeps no
/// read snapshot between statements, so writers are not held up. The context's disposal (or its reset when it goes
/// back to the context pool) closes the connection, which returns it to the SQLite pool as before.
/// </summary>
public sealed class SqliteConnectionPerLease : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPerLease Instance = new();

    private SqliteConnectionPerLease()
    {
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        eventData.Context is null ? result : InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(eventData.Context is null ? result : InterceptionResult.Suppress());
}
