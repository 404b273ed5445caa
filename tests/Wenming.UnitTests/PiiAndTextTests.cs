using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Security;

namespace Wenming.UnitTests;

public class PiiProtectorTests
{
    private readonly PiiProtector _pii = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Encrypt_RoundTrips_AndNeverContainsTheClearValue()
    {
        const string id = "110101199003070038";

        var stored = _pii.Encrypt(id);

        Assert.DoesNotContain("1990", stored, StringComparison.Ordinal);
        Assert.NotEqual(stored, _pii.Encrypt(id)); // random nonce: equal values do not look equal
        Assert.Equal(id, _pii.Decrypt(stored));
    }

    [Fact]
    public void Hash_IsStablePerKey_AndDiffersAcrossKeys()
    {
        var other = new PiiProtector(RandomNumberGenerator.GetBytes(32));

        Assert.Equal(_pii.Hash("110101199003070038"), _pii.Hash("110101199003070038"));
        Assert.NotEqual(_pii.Hash("110101199003070038"), other.Hash("110101199003070038"));
    }

    [Fact]
    public void Decrypt_WithAnotherKey_Fails()
    {
        var stored = _pii.Encrypt("110101199003070038");

        Assert.ThrowsAny<CryptographicException>(() => new PiiProtector(RandomNumberGenerator.GetBytes(32)).Decrypt(stored));
    }
}

public partial class ResourceTests
{
    [GeneratedRegex(@"(?:Error\.(?:Of|Field|Conflict|NotFound)|Text\.Get)\(\s*(?:""[A-Za-z]+"",\s*)?""([a-z_]+\.[A-Za-z_.]*[A-Za-z_])""")]
    private static partial Regex MessageKeyUse();

    [Fact]
    public void EveryMessageKeyUsedInCode_HasChineseText()
    {
        var src = Path.Combine(RepoRoot(), "src", "Wenming.Web");
        var keys = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => MessageKeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !Text.Has(k)).ToList();
        Assert.True(missing.Count == 0, "Missing resource keys: " + string.Join(", ", missing));
    }

    [Fact]
    public void Text_FormatsArguments_InChinese()
    {
        Assert.Equal("请填写身份证号码。", Text.Get("validation.required", Text.Get("field.idNumber")));
    }

    /// <summary>The checkout this test was compiled from (works whatever the output folder).</summary>
    internal static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
