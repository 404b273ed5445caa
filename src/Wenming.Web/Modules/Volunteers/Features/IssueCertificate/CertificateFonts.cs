using PdfSharp.Fonts;

namespace Wenming.Web.Modules.Volunteers.Features.IssueCertificate;

/// <summary>
/// The one font of the certificate, a TrueType font with Chinese glyphs (PDFsharp embeds the used
/// glyphs). First <c>Certificates:FontPath</c>, then the Debian package fonts-lxgw-wenkai, then the
/// GB2312 subset bundled in <c>Fonts/</c>, so the certificate works on a machine with no font
/// installed (ADR 0009). PDFsharp's resolver is process-wide, hence set once.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Family = "WenmingCertificate";

    public const string SystemFontPath = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf";

    public const string BundledFileName = "Fonts/WenmingKaiSubset-Regular.ttf";

    private static readonly Lock Gate = new();

    private static CertificateFonts? _installed;

    private readonly byte[] _font;

    private CertificateFonts(string path)
    {
        Path = path;
        _font = File.ReadAllBytes(path);
    }

    /// <summary>The file the certificate's glyphs come from.</summary>
    public string Path { get; }

    /// <summary>The font file to use: the configured one, else the system one, else the bundled subset.</summary>
    public static string Choose(string? configuredPath, Func<string, bool> exists, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            // A configured font that is missing is an operator's mistake: say so instead of quietly falling back.
            return exists(configuredPath) ? configuredPath : throw new FileNotFoundException("Certificates:FontPath does not exist.", configuredPath);
        }

        return exists(SystemFontPath) ? SystemFontPath : System.IO.Path.Combine(baseDirectory, BundledFileName);
    }

    /// <summary>Installs the resolver once per process; later calls return the installed one.</summary>
    public static CertificateFonts Install(string? configuredPath)
    {
        lock (Gate)
        {
            if (_installed is null)
            {
                var fonts = new CertificateFonts(Choose(configuredPath, File.Exists, AppContext.BaseDirectory));
                GlobalFontSettings.FontResolver = fonts;
                _installed = fonts;
            }

            return _installed;
        }
    }

    // Every family and style maps to the one face; bold is simulated (the subset has one weight).
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Family, bold, false);

    public byte[] GetFont(string faceName) => _font;
}
