namespace Wenming.Web.Platform.Http;

/// <summary>The address this request reached the site at (forwarded headers already applied), for links put into QR codes and calendar feeds.</summary>
public static class SiteUrl
{
    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
