using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using Wenming.IntegrationTests.Infrastructure;
using Wenming.Web.Platform.Security;

namespace Wenming.IntegrationTests;

/// <summary>
/// The PII key and its database (ADR 0021): a generated key file is the app user's alone (0600, in a 0700
/// folder), the database records the key's fingerprint at the first start, and a start or migrate with
/// another key is refused — a real process, a clear message naming Security:PiiKey and both fingerprints,
/// a non-zero exit — while the right key still starts.
/// </summary>
public sealed class PiiKeyTests(ProviderFixture provider) : IClassFixture<ProviderFixture>
{
    [DatabaseFact]
    public async Task AnotherKey_OnTheSameDatabase_IsRefused_AndTheGeneratedKeyFileIsPrivate()
    {
        await using var database = await TestDatabase.CreateAsync(provider.Provider);
        var dataDir = Path.Combine(database.Directory, "data");

        // Key A: generated into the data folder (no Security:PiiKey), with the demo county's ID numbers under it.
        await using (var first = new WenmingFactory(database, seedDemo: true, new Dictionary<string, string> { ["Security:PiiKey"] = "" }))
        {
            using var http = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        }

        var keyFile = Path.Combine(dataDir, "pii.key");
        Assert.True(File.Exists(keyFile), "the generated key file");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dataDir));
        }

        var keyA = (await File.ReadAllTextAsync(keyFile)).Trim();
        var fingerprintA = new PiiProtector(Convert.FromBase64String(keyA)).Fingerprint;
        var keyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var fingerprintB = new PiiProtector(Convert.FromBase64String(keyB)).Fingerprint;

        // The operator CLI's migrate with key B: refused.
        var migrate = await BuiltTools.CliAsync(["migrate", .. BuiltTools.Settings(database, keyB)]);
        Assert.True(migrate.ExitCode == 3, migrate.ToString());
        AssertNamesBothKeys(migrate.Error, fingerprintA, fingerprintB);

        // The web host with key B: logs why and exits non-zero before it serves anything.
        var web = await BuiltTools.RunAsync(BuiltTools.Web, ["--urls=http://127.0.0.1:0", "--Demo:Seed=false", "--Jobs:Enabled=false", .. BuiltTools.Settings(database, keyB)]);
        Assert.True(web.ExitCode == 3, web.ToString());
        AssertNamesBothKeys(web.Error, fingerprintA, fingerprintB);

        // Key A (now given explicitly) is still this database's key.
        var again = await BuiltTools.CliAsync(["migrate", .. BuiltTools.Settings(database, keyA)]);
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    private static void AssertNamesBothKeys(string message, string stored, string configured)
    {
        Assert.Contains("Security:PiiKey does not match this database", message, StringComparison.Ordinal);
        Assert.Contains(PiiKeyCheck.Abbreviate(stored), message, StringComparison.Ordinal);
        Assert.Contains(PiiKeyCheck.Abbreviate(configured), message, StringComparison.Ordinal);
    }
}
