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
    }

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

        Directory.CreateDirectory(dataDirectory);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
