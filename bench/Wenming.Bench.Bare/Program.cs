using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

// The bare baseline of issue 19: a minimal API with no auth and no EF Core that, for GET /{route}, runs the
// statements the platform ran for that route (recorded by the platform's Data:CaptureSql option, see
// bench/compare.sh) through raw ADO.NET on one connection, and writes every row read as JSON.
//   dotnet Wenming.Bench.Bare.dll --urls http://127.0.0.1:5115 --Bare:Capture=capture.jsonl
//     --Bare:Provider=sqlite|postgres --Bare:ConnectionString="…" (the platform's connection string)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var config = builder.Configuration;
var capturePath = config["Bare:Capture"] ?? throw new InvalidOperationException("Bare:Capture (the capture file) is required.");
var connectionString = config["Bare:ConnectionString"] ?? throw new InvalidOperationException("Bare:ConnectionString is required.");
var postgres = string.Equals(config["Bare:Provider"], "postgres", StringComparison.OrdinalIgnoreCase);

var routes = CapturedRoute.Load(capturePath);
NpgsqlDataSource? dataSource = null;
if (postgres)
{
    // As the platform opens it (DatabaseOptions, ADR 0032, 0075, 0093): no DISCARD ALL when the pool hands a connection
    // out again, statements run twice prepared, and concurrent requests' statements multiplexed onto shared
    // connections, so the ratio compares the same round trips, the same plans and the same driver.
    var settings = new NpgsqlConnectionStringBuilder(connectionString)
    {
        NoResetOnClose = true,
        MaxAutoPrepare = 128,
        AutoPrepareMinUsages = 2,
    };
    if (!new DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey(nameof(settings.Multiplexing)))
    {
        settings.Multiplexing = true;
    }

    dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
}
else
{
    SQLitePCL.Batteries_V2.Init();
    // As the platform opens it (DatabaseSetup.Configure): a writer waits up to 30 s for the write lock.
    connectionString = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ToString();
}

var app = builder.Build();
app.MapGet("/", () => string.Join('\n', routes.Select(r => $"{r.Key}: {r.Value.Count} statements")));
// What the process has allocated so far, for compare.sh's bytes per request (the platform's is on /metrics).
app.MapGet("/_allocated", () => GC.GetTotalAllocatedBytes());
app.MapGet("/{route}", async (string route, HttpContext http) =>
{
    if (!routes.TryGetValue(route, out var statements))
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }

    await using DbConnection connection = dataSource is not null ? dataSource.CreateConnection() : new SqliteConnection(connectionString);
    await connection.OpenAsync(http.RequestAborted);
    if (connection is SqliteConnection sqlite)
    {
        // As the platform's kept connection (SqliteKeptConnection, ADR 0094): plans that do not depend on the
        // parameters' values, so a bound LIMIT does not make SQLite prepare the statement again when it runs.
        SQLitePCL.raw.sqlite3_db_config(sqlite.Handle, SQLitePCL.raw.SQLITE_DBCONFIG_ENABLE_QPSG, 1, out _);
    }

    http.Response.ContentType = "application/json; charset=utf-8";
    // Chinese text as UTF-8, not \u escapes, as the platform writes it: similar sizes on the wire.
    await using var json = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    json.WriteStartObject();
    json.WriteStartArray("items");
    DbTransaction? transaction = null;
    int? transactionId = null;
    foreach (var statement in statements)
    {
        if (statement.Transaction != transactionId)
        {
            if (transaction is not null)
            {
                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                transaction = null;
            }

            transactionId = statement.Transaction;
            if (transactionId is not null)
            {
                transaction = await connection.BeginTransactionAsync();
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        command.Transaction = transaction;
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.Add(parameter.Create(postgres));
        }

        switch (statement.Kind)
        {
            case "nonquery":
                await command.ExecuteNonQueryAsync();
                break;
            case "scalar":
                WriteValue(json, await command.ExecuteScalarAsync());
                break;
            default:
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    do
                    {
                        while (await reader.ReadAsync())
                        {
                            json.WriteStartObject();
                            for (var i = 0; i < reader.FieldCount; i++)
                            {
                                json.WritePropertyName(reader.GetName(i));
                                WriteValue(json, reader.IsDBNull(i) ? null : reader.GetValue(i));
                            }

                            json.WriteEndObject();
                        }
                    }
                    while (await reader.NextResultAsync());
                }

                break;
        }
    }

    if (transaction is not null)
    {
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
    }

    json.WriteEndArray();
    json.WriteEndObject();
    await json.FlushAsync();
});
app.Run();

static void WriteValue(Utf8JsonWriter json, object? value)
{
    switch (value)
    {
        case null or DBNull: json.WriteNullValue(); break;
        case string s: json.WriteStringValue(s); break;
        case long l: json.WriteNumberValue(l); break;
        case int i: json.WriteNumberValue(i); break;
        case short s: json.WriteNumberValue(s); break;
        case double d: json.WriteNumberValue(d); break;
        case decimal m: json.WriteNumberValue(m); break;
        case bool b: json.WriteBooleanValue(b); break;
        case DateTime t: json.WriteStringValue(t); break;
        case DateTimeOffset t: json.WriteStringValue(t); break;
        case Guid g: json.WriteStringValue(g); break;
        case byte[] bytes: json.WriteBase64StringValue(bytes); break;
        default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
    }
}

/// <summary>One recorded statement: SQL, how it was executed, its parameters and its transaction (if any).</summary>
internal sealed record CapturedStatement(string Sql, string Kind, int? Transaction, IReadOnlyList<CapturedParameter> Parameters);

internal sealed record CapturedParameter(string Name, Type? ClrType, JsonElement Value, string DbType, string? ProviderType)
{
    public DbParameter Create(bool postgres)
    {
        var value = ClrType is null || Value.ValueKind == JsonValueKind.Null ? DBNull.Value : Value.Deserialize(ClrType) ?? DBNull.Value;
        if (postgres)
        {
            var p = new NpgsqlParameter { ParameterName = Name, Value = value };
            if (ProviderType is not null)
            {
                p.DataTypeName = ProviderType;
            }

            return p;
        }

        var s = new SqliteParameter { ParameterName = Name, Value = value };
        if (Enum.TryParse<SqliteType>(ProviderType, out var type))
        {
            s.SqliteType = type;
        }

        return s;
    }
}

internal static class CapturedRoute
{
    /// <summary>Per route, the statements of the last captured request (compare.sh warms each route up first).</summary>
    public static Dictionary<string, IReadOnlyList<CapturedStatement>> Load(string path)
    {
        var lines = File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var result = new Dictionary<string, IReadOnlyList<CapturedStatement>>();
        foreach (var route in lines.GroupBy(l => l.GetProperty("route").GetString()!))
        {
            var lastRequest = route.Last().GetProperty("request").GetString();
            result[route.Key] = route.Where(l => l.GetProperty("request").GetString() == lastRequest).Select(l => new CapturedStatement(
                l.GetProperty("sql").GetString()!,
                l.GetProperty("kind").GetString()!,
                l.GetProperty("transaction").ValueKind == JsonValueKind.Number ? l.GetProperty("transaction").GetInt32() : null,
                l.GetProperty("parameters").EnumerateArray().Select(p => new CapturedParameter(
                    p.GetProperty("name").GetString()!,
                    p.GetProperty("clrType").GetString() is { } t ? Type.GetType(t, throwOnError: true) : null,
                    p.GetProperty("value").Clone(),
                    p.GetProperty("dbType").GetString()!,
                    p.GetProperty("providerType").GetString())).ToList())).ToList();
        }

        return result;
    }
}
