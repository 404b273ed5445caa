using System.Diagnostics;
using Wenming.Web.Platform.Hosting;

namespace Wenming.IntegrationTests.Infrastructure;

/// <summary>What a real process of the CLI or the web host printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {Error}";
}

/// <summary>
/// Runs the built operator CLI (wenming.dll) and web host (Wenming.Web.dll) as real processes with
/// <c>dotnet</c>, as an operator would: found next to this test assembly's own build output (both the
/// bin/… and the WENMING_ARTIFACTS layout).
/// </summary>
public static class BuiltTools
{
    public static string Cli => Find("Wenming.Cli", "wenming.dll");

    public static string Web => Find("Wenming.Web", "Wenming.Web.dll");

    /// <summary>The settings that point a process at <paramref name="database"/> with <paramref name="piiKey"/>.</summary>
    public static List<string> Settings(TestDatabase database, string piiKey) =>
    [
        "--Database:Provider=" + database.Provider,
        "--ConnectionStrings:Wenming=" + database.ConnectionString,
        "--Security:PiiKey=" + piiKey,
        "--Data:Directory=" + Path.Combine(database.Directory, "data"),
        "--Logging:Json=false",
    ];

    public static Task<ProcessResult> CliAsync(params IEnumerable<string> arguments) => RunAsync(Cli, arguments);

    public static async Task<ProcessResult> RunAsync(string dll, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["WENMING_CONTENT_ROOT"] = Path.GetDirectoryName(dll)!;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A safety net, not a timed assertion: a process that hangs would otherwise hang the suite.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', arguments)} did not exit: {await output} {await error}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    private static string Find(string project, string file)
    {
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var candidates = new[]
        {
            // <repo>/tests/Wenming.IntegrationTests/bin/Debug/net10.0 → <repo>/src/<project>/bin/Debug/net10.0
            here.Replace($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}Wenming.IntegrationTests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}src{Path.DirectorySeparatorChar}{project}{Path.DirectorySeparatorChar}", StringComparison.Ordinal),
            // <artifacts>/bin/Wenming.IntegrationTests/debug → <artifacts>/bin/<project>/debug
            here.Replace($"{Path.DirectorySeparatorChar}Wenming.IntegrationTests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}{project}{Path.DirectorySeparatorChar}", StringComparison.Ordinal),
        };
        return candidates.Select(c => Path.Combine(c, file)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{file} is not built next to the tests (looked in {string.Join(", ", candidates)}); build the solution first.");
    }
}

/// <summary>A raw read of every table of a database: the rows of each as strings (all columns), sorted.</summary>
public static class DatabaseDump
{
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(TestDatabase database)
    {
        await using var connection = database.Provider == DatabaseProvider.Postgres
            ? (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(database.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.Provider == DatabaseProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[i] = reader.GetName(i) + "=" + (reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                    {
                        byte[] bytes => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)) + "/" + bytes.Length,
                        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                        var v => v.ToString(),
                    });
                }

                rows.Add(string.Join(" | ", values));
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }

        return dump;
    }

    /// <summary>Asserts both dumps hold the same tables with the same rows, naming the first difference.</summary>
    public static void AssertSame(SortedDictionary<string, List<string>> expected, SortedDictionary<string, List<string>> actual)
    {
        Assert.Equal(expected.Keys.ToList(), actual.Keys.ToList());
        foreach (var (table, rows) in expected)
        {
            var other = actual[table];
            var missing = rows.Except(other).FirstOrDefault();
            var extra = other.Except(rows).FirstOrDefault();
            Assert.True(rows.Count == other.Count && missing is null && extra is null,
                $"table {table}: {rows.Count} rows expected, {other.Count} restored; first missing: {missing}; first unexpected: {extra}");
        }
    }
}
