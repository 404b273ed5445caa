namespace Wenming.Web.Platform.Files;

/// <summary>
/// Tells a file's type from its first bytes. The name and the browser's Content-Type are the
/// uploader's claim; a script renamed to photo.jpg still starts with "&lt;", so it is refused.
/// Only types a browser renders without running anything (and PDF, served as a download) are known.
/// </summary>
public static class FileSniffer
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string WebP = "image/webp";
    public const string Pdf = "application/pdf";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The content type of these bytes, or null when they are none of the allowed kinds.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        if (head.StartsWith(PngSignature))
        {
            return Png;
        }

        // RIFF <4-byte size> WEBP
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        return null;
    }

    public static bool IsImage(string contentType) => contentType is Jpeg or Png or WebP;
}
