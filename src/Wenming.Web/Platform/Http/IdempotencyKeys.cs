using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wenming.Web.Platform.Http;

/// <summary>The pure rules of <c>Idempotency-Key</c>: what a valid key is and what makes two requests "the same".</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotency-Replayed";

    public const int MaxLength = 100;

    /// <summary>How long a finished answer is kept and replayed (API.md: a retry comes within minutes; a day covers a phone offline overnight).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>An unanswered claim older than this belongs to a node that died mid-request; the cleanup job frees it.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(5);

    /// <summary>1–100 visible ASCII characters (0x21–0x7E): UUIDs and ULIDs fit, and no space or control character can hide in logs.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// SHA-256 (hex) over method, path with query, and the SHA-256 of the raw body: the same key may only
    /// replay the very request it was first used for. The path is case-sensitive, as route values are.
    /// </summary>
    public static string Fingerprint(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        var bodyHash = Convert.ToHexString(SHA256.HashData(body));
        var text = string.Create(CultureInfo.InvariantCulture, $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{bodyHash}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
