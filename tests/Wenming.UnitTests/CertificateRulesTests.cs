using Microsoft.Extensions.Configuration;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.IssueCertificate;

namespace Wenming.UnitTests;

/// <summary>The certificate's masked name, its font choice and rendering with the bundled font (ADR 0009).</summary>
public sealed class CertificateRulesTests
{
    private static readonly string Bundled = Path.Combine(AppContext.BaseDirectory, CertificateFonts.BundledFileName);

    [Theory]
    [InlineData("张明", "张*")]
    [InlineData("张三明", "张*明")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("李", "李")]
    [InlineData(" 王𠀀明 ", "王*明")]
    public void MaskName_KeepsTheFirstAndLastCharacterOnly(string name, string masked) =>
        Assert.Equal(masked, Certificate.MaskName(name));

    [Fact]
    public void Font_IsTheConfiguredOne_ElseTheSystemOne_ElseTheBundledSubset()
    {
        Assert.Equal("/fonts/mine.ttf", CertificateFonts.Choose("/fonts/mine.ttf", _ => true, "/app"));
        Assert.Equal(CertificateFonts.SystemFontPath, CertificateFonts.Choose(null, p => p == CertificateFonts.SystemFontPath, "/app"));
        Assert.Equal(Path.Combine("/app", CertificateFonts.BundledFileName), CertificateFonts.Choose("", _ => false, "/app"));
        // A configured font that is not there is a setup mistake, said at once rather than hidden by a fallback.
        Assert.Throws<FileNotFoundException>(() => CertificateFonts.Choose("/missing.ttf", _ => false, "/app"));
    }

    [Fact]
    public void BundledFont_IsShippedWithTheApp_AndSmall()
    {
        var file = new FileInfo(Bundled);
        Assert.True(file.Exists, Bundled);
        Assert.InRange(file.Length, 1_000_000, 5 * 1024 * 1024);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Fonts", "OFL.txt")));
    }

    [Fact]
    public void Render_WithTheBundledFont_SurvivesCharactersTheFontLacks_AndLongText()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Certificates:FontPath"] = Bundled }).Build();
        var pdf = new CertificatePdf(config);
        var items = Enumerable.Range(1, 40)
            .Select(i => new CertificateItem(new DateOnly(2026, 1, 1).AddDays(i), "桃花村𠀀龘礼堂" + i, new string('讲', 120) + "😀", 1.25m))
            .ToList();
        var content = new CertificateContent(
            "3399012026000001", "王𠀀龘", "339901000001", "339***********0018", 50m, 0, items,
            "云溪县新时代文明实践中心", null, "本人网上申请，系统出具", null, new DateOnly(2026, 11, 23), "http://localhost/verify/" + new string('a', 32));

        var bytes = pdf.Render(content);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.True(bytes.Length > 10_000);
    }
}
