using System.Security.Cryptography;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Platform.Security;

/// <summary>
/// A module that stores values encrypted with <see cref="PiiProtector"/> offers a few of them, so a database
/// set up before the key fingerprint existed can still be checked against the configured key.
/// </summary>
public interface IPiiCipherSample
{
    Task<IReadOnlyList<string>> SampleAsync(int count, CancellationToken ct);
}

/// <summary>The configured <c>Security:PiiKey</c> is not the key this database's personal data was written with.</summary>
public sealed class PiiKeyMismatchException(string message) : Exception(message);

/// <summary>
/// Keeps the fingerprint of the PII key in plat_settings (an HMAC of a fixed label under the key, never
/// the key) and compares it at every start and before every migrate, backup and restore (ADR 0021): a
/// database restored without its key, or a node given another key, refuses to start instead of silently
/// writing new data no duplicate check can match and leaving the stored ID numbers unreadable.
/// </summary>
public static class PiiKeyCheck
{
    public const string SettingName = "security.pii_key_fingerprint";

    /// <summary>How a fingerprint is shown in messages: enough to tell keys apart, too little to matter.</summary>
    public static string Abbreviate(string fingerprint) => fingerprint.Length > 16 ? fingerprint[..16] : fingerprint;

    /// <summary>The recorded fingerprint, or null. A plain command (<see cref="PlainCommands"/>): at start it runs before serving.</summary>
    public static async Task<string?> StoredAsync(AppDbContext db, CancellationToken ct) =>
        (await PlainCommands.TextsAsync(db.Database, $"""SELECT "Value" FROM "{PlatformSetting.Table}" WHERE "Name" = @name""", ct, ("@name", SettingName))).SingleOrDefault();

    public static string MismatchMessage(string stored, string configured) =>
        $"Security:PiiKey does not match this database: the database's data was written under the key with fingerprint {Abbreviate(stored)}, " +
        $"but the configured Security:PiiKey has fingerprint {Abbreviate(configured)}. Configure the key this database was set up with " +
        "(keep it with the backups); refusing to start, since another key would leave the stored ID numbers unreadable and duplicate checks blind. " +
        $"个人信息密钥 Security:PiiKey 与数据库不匹配（数据库 {Abbreviate(stored)}，当前配置 {Abbreviate(configured)}），请配置该数据库原用的密钥。";

    /// <summary>
    /// Compares the configured key with the database; records the fingerprint on first use. A database this start
    /// has just made (<paramref name="newDatabase"/>) holds no encrypted values, so none are sampled.
    /// Returns false (after a warning) when no key is configured at all and none may be generated.
    /// </summary>
    /// <exception cref="PiiKeyMismatchException">The database belongs to another key.</exception>
    public static async Task<bool> EnsureAsync(IServiceProvider sp, AppDbContext db, ILogger log, bool newDatabase, CancellationToken ct)
    {
        PiiProtector pii;
        try
        {
            pii = sp.GetRequiredService<PiiProtector>();
        }
        catch (InvalidOperationException e)
        {
            log.LogWarning("The PII key check was skipped: {Reason}", e.Message);
            return false;
        }

        var stored = await StoredAsync(db, ct);
        if (stored is null)
        {
            foreach (var cipher in newDatabase ? [] : await SampleAsync(sp, ct))
            {
                try
                {
                    pii.Decrypt(cipher);
                }
                catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
                {
                    throw new PiiKeyMismatchException(MismatchMessage("(not recorded; stored ID numbers do not decrypt)", pii.Fingerprint));
                }
            }

            // A plain command, as the read above; when another node records it at the same moment, its row stays and
            // is compared below.
            var recorded = await PlainCommands.ExecuteAsync(db.Database,
                $"""INSERT INTO "{PlatformSetting.Table}" ("Name", "Value", "UpdatedAt") VALUES (@name, @value, @now) ON CONFLICT ("Name") DO NOTHING""", ct,
                ("@name", SettingName), ("@value", pii.Fingerprint), ("@now", sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
            if (recorded == 1)
            {
                log.LogInformation("Recorded the PII key fingerprint {Fingerprint} in the database", Abbreviate(pii.Fingerprint));
                return true;
            }

            stored = await StoredAsync(db, ct);
        }

        if (stored != pii.Fingerprint)
        {
            throw new PiiKeyMismatchException(MismatchMessage(stored ?? "", pii.Fingerprint));
        }

        return true;
    }

    private static async Task<List<string>> SampleAsync(IServiceProvider sp, CancellationToken ct)
    {
        var all = new List<string>();
        foreach (var sample in sp.GetServices<IPiiCipherSample>())
        {
            all.AddRange(await sample.SampleAsync(3, ct));
        }

        return all;
    }
}
