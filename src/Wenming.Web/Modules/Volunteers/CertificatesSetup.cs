using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Wenming.Web.Modules.Volunteers.Features.IssueCertificate;
using Wenming.Web.Modules.Volunteers.Features.VerifyCertificate;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers;

/// <summary>
/// Volunteer service certificates (志愿服务证明): the PDF for the volunteer or their admins and the
/// public verification behind the QR code. Part of the Volunteers module (ADR 0009).
/// </summary>
public static class CertificatesSetup
{
    /// <summary>The rate-limit policy of the anonymous certificate checks (API and page).</summary>
    public const string CheckPolicy = "certificate-check";

    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, CertificateCheckLimit>(CheckPolicy));
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<IssueCertificateHandler>();
        services.AddScoped<VerifyCertificateHandler>();
        return services;
    }

    public static RouteGroupBuilder MapCertificates(this RouteGroupBuilder api)
    {
        api.MapGet("/volunteers/{id:long}/certificate", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            long id, HttpContext http, IConfiguration config, IssueCertificateHandler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(id, PublicBaseUrl(http, config), ct);
            return result.IsSuccess
                ? TypedResults.File(result.Value.Pdf, "application/pdf", result.Value.FileName)
                : ApiResults.Problem(result.Error!);
        })
            .WithTags("volunteers")
            .WithSummary("下载志愿服务证明（PDF；本人或管辖范围内的管理员）");

        // Anonymous: whoever scans the QR code. Limited per address like sign-in: codes are
        // unguessable, but the endpoint should not be a free oracle for trying them.
        api.MapGet("/certificates/{code}/verification", async Task<Results<Ok<CertificateVerificationDto>, ProblemHttpResult>> (
            string code, VerifyCertificateHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(code, ct)))
            .AllowAnonymous()
            .RequireRateLimiting(CheckPolicy)
            .WithTags("certificates")
            .WithSummary("核验志愿服务证明（公开）");

        return api;
    }

    /// <summary>
    /// Where the QR code points: <c>Certificates:PublicBaseUrl</c> when set (the address people reach
    /// from outside), else the address of this request (forwarded headers already applied).
    /// </summary>
    public static string PublicBaseUrl(HttpContext http, IConfiguration config) =>
        config["Certificates:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : SiteUrl.Root(http.Request);

    /// <summary>
    /// Per client address, loosely (a village office may share one address), with its own Chinese
    /// refusal: the platform's default one speaks of sign-ins.
    /// </summary>
    private sealed class CertificateCheckLimit(IConfiguration config) : IRateLimiterPolicy<string>
    {
        private readonly int _perMinute = config.GetValue("RateLimits:CertificateChecksPerMinutePerAddress", 120);

        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
        {
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = "60";
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await ApiResults.Problem(Error.Of("Cert.rate_limited", ErrorKind.TooManyRequests)).ExecuteAsync(http);
            }
            else
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(Text.Get("Cert.rate_limited"), ct);
            }
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
