using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// Sign-in is limited per account by Identity's lockout and only loosely per client address, since a
/// whole village office may share one address (API.md: at least 60 a minute from one address pass).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddWenmingRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(options =>
        {
            var perMinute = config.GetValue("RateLimits:SignInPerMinutePerAddress", 120);
            options.AddPolicy(SignIn, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await ApiResults.Problem(Error.Of("auth.rate_limited", ErrorKind.TooManyRequests)).ExecuteAsync(context.HttpContext);
                }
                else
                {
                    context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                    await context.HttpContext.Response.WriteAsync(Localization.Text.Get("auth.rate_limited"), ct);
                }
            };
        });
        return services;
    }
}
