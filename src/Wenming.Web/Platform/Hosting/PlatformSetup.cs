using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Metrics;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Platform.Hosting;

/// <summary>Everything the modules stand on: database, identity, org scope, audit, errors, API docs, health.</summary>
public static class PlatformSetup
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string SmartScheme = "wenming";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        Text.EnsureConsistent();
        // One language, zh-CN, for every request, job and command: the process's default culture, set once. The request
        // localization middleware set it again on every request, into two async-locals with change callbacks that the
        // runtime then re-applied at every await's thread hop (issue 19, ADR 0091).
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var services = builder.Services;
        var config = builder.Configuration;
        // No "Server: Kestrel" on any answer: nothing a client needs, and one line less for a scanner's list.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        if (config.GetValue("Logging:Json", !builder.Environment.IsDevelopment()))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<OrgScope>();
        services.AddScoped<CurrentActor>();
        services.AddJob<IdempotencyCleanupJob>();
        services.AddEvents();
        services.AddWenmingMetrics();
        services.AddWenmingDatabase(config, builder.Environment.ContentRootPath);

        var dataDir = DatabaseSetup.DataDirectory(config, builder.Environment.ContentRootPath);
        var allowGeneratedKey = !builder.Environment.IsProduction() || config.GetValue("Demo:Seed", false);
        // Resolved on first use, so commands that touch no personal data (migrate) run without the key.
        services.AddSingleton(_ => new PiiProtector(PiiProtector.LoadMasterKey(config["Security:PiiKey"], dataDir, allowGeneratedKey)));
        services.AddSingleton<PiiKeyGate>();

        services.AddDataProtection().SetApplicationName("wenming");
        if (StartupWarmUp.IsOn(config))
        {
            // Loaded beside Kestrel's start instead of before it (ADR 0067).
            StartupWarmUp.WithoutKeyRingPreload(services);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        // Secure cookies whenever the request came over HTTPS (behind a proxy: X-Forwarded-Proto from a
        // trusted proxy), and always in Production, where plain HTTP is redirected anyway.
        var secureCookies = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            // The API takes bearer tokens only (no cookies, so no CSRF on the API); pages take the cookie.
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") ? BearerTokenDefaults.AuthenticationScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "wenming.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = secureCookies;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            })
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(config.GetValue("Security:AccessTokenMinutes", 60));
                o.RefreshTokenExpiration = TimeSpan.FromDays(config.GetValue("Security:RefreshTokenDays", 14));
                o.Events.OnMessageReceived = BearerTicketCache.FromCacheAsync;
            });
        // Access tokens decrypted once per token, not per request (issue 19, ADR 0062).
        services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, CacheBearerTickets>();
        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "wenming.csrf";
            o.Cookie.SecurePolicy = secureCookies;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<InputRulesPageFilter>());
        services.AddWenmingRateLimits(config);

        // API.md: enums travel as their names ("County", "StationAdmin").
        // Numbers are numbers: the web default would also accept "12" for 12, which the contract does not promise.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Responses produced by the framework (401 challenge, 403, 404 route, 405) get a code and Chinese text too.
            var status = ctx.ProblemDetails.Status ?? 500;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var code = status switch
                {
                    401 => "auth.unauthorized",
                    403 => "common.forbidden",
                    404 => "common.not_found",
                    405 => "common.method_not_allowed",
                    400 => "validation.malformed",
                    413 => "request.too_large",
                    415 => "validation.unsupported_media_type",
                    503 => "common.unavailable",
                    _ => "common.server_error",
                };
                ctx.ProblemDetails.Extensions["code"] = code;
                ctx.ProblemDetails.Title = Text.Get("problem.title." + status) is var t && t != "problem.title." + status ? t : ctx.ProblemDetails.Title;
                ctx.ProblemDetails.Detail ??= status == 413 ? RequestSizeLimit.TooLarge(ctx.HttpContext).Message : Text.Get(code);
            }
        });

        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseOutageExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo { Title = "新时代文明实践云平台 API", Version = "v1", Description = "Wenming public JSON API (API.md)." };
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "POST /api/v1/auth/token 获取的 accessToken",
            };
            doc.Security ??= [];
            doc.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", doc)] = [] });
            return Task.CompletedTask;
        }).AddWenmingConventions());

        services.AddSingleton<DemoSeeding>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<DemoSeedingCheck>(DemoSeedingCheck.Name, tags: ["ready"]);
        services.AddLocalization();
        // Chinese text as characters, not &#x..; escapes: pages are a third lighter on a village phone.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // X-Forwarded-For decides the address in the audit log, the sign-in limit and the sign-in throttle,
        // so it is taken only from the proxies named in Network:TrustedProxies — none unless configured
        // (not even loopback, which ASP.NET trusts by default: anything on the host could pick its address).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            var proxies = (config["Network:TrustedProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Empty lists would mean "any peer", so with no proxy the headers are not read at all.
            o.ForwardedHeaders = proxies.Length == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                if (proxy == "*")
                {
                    continue;
                }

                if (proxy.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            }

            if (proxies.Contains("*"))
            {
                // Explicitly any peer (only where nothing but the proxy can reach the app).
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            }
        });
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseWenmingMetrics();
        app.UseSecurityHeaders();
        if (app.Environment.IsProduction())
        {
            // TLS ends at the reverse proxy; X-Forwarded-Proto from a trusted proxy says the request was
            // HTTPS. Health probes come over plain HTTP from inside and are not redirected.
            app.UseHsts();
            app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/healthz") && !ctx.Request.Path.StartsWithSegments("/readyz"), web => web.UseHttpsRedirection());
        }

        // The API answers problem details; people get a page in the site's layout.
        static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");
        static bool IsPage(HttpContext ctx) => !IsApi(ctx) && !ctx.Request.Path.StartsWithSegments("/openapi") && !ctx.Request.Path.StartsWithSegments("/docs");
        app.UseWhen(IsApi, api => api
            .UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => ex is OutOfScopeException ? 404 : DatabaseOutage.IsOutage(ex) ? 503 : 500 })
            .UseStatusCodePages());
        app.UseWhen(ctx => !IsApi(ctx), web => web.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // The error page reads the status: an outage (503), a body too large (413) or malformed (400).
            StatusCodeSelector = ex => DatabaseOutage.IsOutage(ex) ? 503 : ex is BadHttpRequestException bad ? bad.StatusCode : 500,
        }));
        app.UseWhen(IsPage, web => web.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseRequestSizeLimit();
        // Until the PII key is checked against the database (a node started while it was away), nothing but health answers.
        var keyGate = app.Services.GetRequiredService<PiiKeyGate>();
        app.Use((ctx, next) => keyGate.IsOpen || ctx.Request.Path.StartsWithSegments("/healthz") ? next(ctx) : throw new PiiKeyNotCheckedException());
        // The API has no files: a static-file lookup (a stat of wwwroot/api/...) on every API request is waste (issue 19).
        app.UseWhen(ctx => !IsApi(ctx), web => web.UseStaticFiles());
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(ResolveActorAsync);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = DemoSeedingCheck.WriteAsync });
        app.MapWenmingMetrics();
        app.MapOpenApi("/openapi/{documentName}.json");
        // Only /docs is the API documentation's: other requests need not be matched against its paths.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/docs"), docs => docs.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Wenming API v1");
            o.DocumentTitle = "新时代文明实践云平台 API 文档";
        }));
        return app;
    }

    /// <summary>Who is asking: the address for every request, the account (through the Accounts module) when signed in.</summary>
    /// <remarks>
    /// Middleware here takes the next step as a <see cref="RequestDelegate"/>: the <c>Func&lt;Task&gt;</c> overload of
    /// <c>Use</c> allocates a closure and a delegate on every request.
    /// </remarks>
    private static async Task ResolveActorAsync(HttpContext ctx, RequestDelegate next)
    {
        ctx.RequestServices.GetRequiredService<CurrentActor>().From(ctx.Connection.RemoteIpAddress?.ToString());
        await ctx.RequestServices.GetRequiredService<IActorResolver>().ResolveAsync(ctx);
        await next(ctx);
    }
}
