using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Wenming.IntegrationTests.Infrastructure;

namespace Wenming.IntegrationTests;

/// <summary>
/// What the browser is told (issue 10, ADR 0020): a Content-Security-Policy without inline scripts,
/// no framing, no content sniffing, a referrer policy (none from certificate checks), and cookies
/// that are Secure whenever the request came over HTTPS.
/// </summary>
public sealed class SecurityHeadersTests(DisposableDatabaseApp app) : IClassFixture<DisposableDatabaseApp>
{
    [DatabaseFact]
    public async Task APage_SendsCspFrameProtectionNosniffAndReferrerPolicy()
    {
        using var response = await app.Http.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        // Not in Development: HSTS is for Production only.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=", html, StringComparison.Ordinal);
    }

    [DatabaseFact]
    public async Task TheApi_AndErrorAnswers_CarryTheHeadersToo()
    {
        using var api = await app.Http.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("nosniff", Header(api, "X-Content-Type-Options"));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(api, "Content-Security-Policy"));

        using var missing = await app.Http.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("DENY", Header(missing, "X-Frame-Options"));
    }

    [DatabaseFact]
    public async Task ACertificateCheck_SendsNoReferrer()
    {
        using var response = await app.Http.GetAsync("/verify/ABCDEFGHJK");

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [DatabaseFact]
    public async Task Cookies_AreSecure_OverHttps_AndNotOverPlainHttp()
    {
        // Fresh clients without a cookie jar: a client that already holds the cookie is not sent a new one.
        using var https = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var secure = await https.GetAsync("/account/login");
        var antiforgery = Assert.Single(Cookies(secure), c => c.StartsWith("wenming.csrf=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var http = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var plain = await http.GetAsync("/account/login");
        var plainCookie = Assert.Single(Cookies(plain), c => c.StartsWith("wenming.csrf=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", plainCookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} header");

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
