using System.Security.Cryptography;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// The web host started (with migrations on start, the default) while its database cannot be reached: a real process
/// that says so in one line naming the setting to check, and exits with code 4, instead of aborting on an unhandled
/// exception (exit 134, a stack trace and a core dump where those are kept).
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
    public async Task TheHost_SaysTheDatabaseDoesNotAnswer_AndExitsWith4(string provider, string connectionString)
    {
        var data = Directory.CreateTempSubdirectory("wenming-nodb-");
        try
        {
            var web = await BuiltTools.RunAsync(BuiltTools.Web,
            [
                "--urls=http://127.0.0.1:0", "--Demo:Seed=false", "--Jobs:Enabled=false", "--Logging:Json=false",
                "--Database:Provider=" + provider, "--ConnectionStrings:Wenming=" + connectionString,
                "--Security:PiiKey=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "--Data:Directory=" + data.FullName,
            ]);

            Assert.True(web.ExitCode == 4, web.ToString());
            Assert.Contains("The database does not answer at start", web.Error, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings:Wenming", web.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", web.Error + web.Output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
