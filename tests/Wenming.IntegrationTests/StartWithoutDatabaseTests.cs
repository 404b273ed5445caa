using System.Security.Cryptography;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The web host started (with migrations on start, the default) or an operator command run while the database cannot
/// be reached: a real process that says so in one line naming the setting to check, and exits with code 5, instead of
/// aborting on an unhandled exception (exit 134, a stack trace and a core dump where those are kept).
/// </summary>
public sealed class StartWithoutDatabaseTests
{
    public static TheoryData<string, string> Unreachable => new()
    {
        // Nothing listens on port 1: the connection is refused.
        { "Postgres", "Host=127.0.0.1;Port=1;Username=postgres;Database=wenming;Timeout=5" },
        // A folder that cannot exist: SQLite cannot open the file (SQLITE_CANTOPEN).
        { "Sqlite", "Data Source=/proc/wenming-no-such-folder/wenming.db" },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public async Task TheHost_SaysTheDatabaseDoesNotAnswer_AndExitsWith5(string provider, string connectionString) =>
        await WithDataFolder(async settings =>
            AssertSaysSo(await BuiltTools.RunAsync(BuiltTools.Web,
                ["--urls=http://127.0.0.1:0", "--Demo:Seed=false", "--Jobs:Enabled=false", .. settings(provider, connectionString)])));

    [Theory]
    [MemberData(nameof(Unreachable))]
    public async Task TheCliMigrate_SaysTheDatabaseDoesNotAnswer_AndExitsWith5(string provider, string connectionString) =>
        await WithDataFolder(async settings => AssertSaysSo(await BuiltTools.CliAsync(["migrate", .. settings(provider, connectionString)])));

    private static void AssertSaysSo(ProcessResult run)
    {
        Assert.True(run.ExitCode == 5, run.ToString());
        Assert.Contains("The database does not answer (", run.Error, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Wenming", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Error + run.Output, StringComparison.Ordinal);
    }

    private static async Task WithDataFolder(Func<Func<string, string, List<string>>, Task> run)
    {
        var data = Directory.CreateTempSubdirectory("wenming-nodb-");
        try
        {
            await run((provider, connectionString) =>
            [
                "--Logging:Json=false", "--Database:Provider=" + provider, "--ConnectionStrings:Wenming=" + connectionString,
                "--Security:PiiKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "--Data:Directory=" + data.FullName,
            ]);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
