using System.Security.Cryptography;
using System.Text;

namespace Wenming.Web.Platform.Security;

/// <summary>
/// Encrypts personal identifiers (AES-256-GCM) and derives a keyed hash (HMAC-SHA256) used to find
/// duplicates and search by exact value without decrypting. Both keys derive from one master key
/// (<c>Security:PiiKey</c>, base64 of 32 bytes); see docs/adr/0004.
/// </summary>
public sealed class PiiProtector
{
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PiiProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The PII master key must be 32 bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "wenming-pii-encrypt"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "wenming-pii-hash"u8.ToArray());
        Fingerprint = Convert.ToHexString(HMACSHA256.HashData(masterKey, "wenming-pii-key-fingerprint"u8)).ToLowerInvariant();
    }

    /// <summary>
    /// Names the key without revealing it: HMAC-SHA256 of a fixed label under the master key (hex). The
    /// database keeps it, so a start with another key is refused (ADR 0021).
    /// </summary>
    public string Fingerprint { get; }

    public string Encrypt(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[data.Length];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Encrypt(nonce, data, cipher, tag);
        return "v1:" + Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    public string Decrypt(string stored)
    {
        var raw = Convert.FromBase64String(stored["v1:".Length..]);
        var nonce = raw.AsSpan(0, 12);
        var tag = raw.AsSpan(12, 16);
        var cipher = raw.AsSpan(28);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_encryptionKey, 16);
        aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    public string Hash(string plain) =>
        Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(plain)));

    /// <summary>
    /// The master key from configuration; without one, outside Production a key file in the data
    /// folder is made once, so a developer's demo keeps working across restarts.
    /// </summary>
    public static byte[] LoadMasterKey(string? configured, string dataDirectory, bool allowGenerated)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }

        if (!allowGenerated)
        {
            throw new InvalidOperationException("Security:PiiKey is not set. Generate one with `wenming gen-key` and set it (environment variable Security__PiiKey).");
        }

        var path = System.IO.Path.Combine(dataDirectory, "pii.key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        CreatePrivateDirectory(dataDirectory);
        var key = RandomNumberGenerator.GetBytes(32);
        // Readable by the app's own user only (0600), from the moment the file exists.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options))
        {
            file.Write(Convert.ToBase64String(key));
        }

        return key;
    }

    /// <summary>Creates a folder only the app's own user may enter (0700); an existing folder is left as it is.</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
