using System.Net.Http.Json;

namespace Wenming.Web.Platform.Sms;

/// <summary>
/// Sends a text message to a mobile number. Which gateway stands behind it is configuration (<c>Sms:Gateway</c>):
/// none (the default: nothing is sent, and features that need a text message fall back to people), <c>Log</c> (the
/// development sender, which writes the message to the log) or <c>Http</c> (a generic HTTP gateway, ADR 0053). That
/// is the deployment's default; a county may configure its own (<see cref="ISmsGateways"/>, ADR 0056).
/// </summary>
public interface ISmsSender
{
    /// <summary>False when no gateway is configured: a feature then does not offer what needs a text message.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends the template <paramref name="template"/> (Sms:Templates:…) with its values; throws on a gateway failure.</summary>
    Task SendAsync(string phone, string template, IReadOnlyDictionary<string, string> values, CancellationToken ct);
}

/// <summary><c>Sms:…</c> settings.</summary>
public sealed class SmsOptions
{
    /// <summary><c>None</c>, <c>Log</c> or <c>Http</c>.</summary>
    public string Gateway { get; set; } = "None";

    /// <summary>The HTTP gateway's address; the message is POSTed there as JSON <c>{"phone","text","template"}</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The key the gateway knows this platform by, sent as <c>Authorization: Bearer …</c>.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// The sender's sign name (短信签名) a county registered with its gateway: sent as <c>sign</c> and put in front
    /// of the text as 【…】 in place of the template's own, since Chinese carriers refuse a message without one.
    /// </summary>
    public string? Sign { get; set; }

    /// <summary>Message templates by name; <c>{code}</c> and the like are replaced by the values.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.Ordinal)
    {
        ["PasswordReset"] = "【新时代文明实践】您的验证码是{code}，{minutes}分钟内有效。如非本人操作，请忽略。",
    };

    public string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var text = Templates.TryGetValue(template, out var t) ? t : template;
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
        }

        if (!string.IsNullOrWhiteSpace(Sign))
        {
            var end = text.StartsWith('【') ? text.IndexOf('】', StringComparison.Ordinal) : -1;
            text = "【" + Sign.Trim() + "】" + (end > 0 ? text[(end + 1)..] : text);
        }

        return text;
    }
}

/// <summary>Sends nothing: no gateway is configured.</summary>
internal sealed class NoSmsSender : ISmsSender
{
    public bool IsConfigured => false;

    public Task SendAsync(string phone, string template, IReadOnlyDictionary<string, string> values, CancellationToken ct) =>
        throw new InvalidOperationException("No text-message gateway is configured (Sms:Gateway).");
}

/// <summary>The development sender: the message goes to the log (with the number masked), so a developer can read the code.</summary>
internal sealed partial class LogSmsSender(SmsOptions options, ILogger<LogSmsSender> log) : ISmsSender
{
    public bool IsConfigured => true;

    public Task SendAsync(string phone, string template, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        Sent(log, phone.Length == 11 ? phone[..3] + "****" + phone[7..] : "***", options.Render(template, values));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS (development sender, not sent) to {Phone}: {Text}")]
    private static partial void Sent(ILogger logger, string phone, string text);
}

/// <summary>A generic HTTP gateway: one POST of JSON per message, the key as a bearer token; any non-success status is a failure.</summary>
internal sealed class HttpSmsSender(HttpClient http, SmsOptions options) : ISmsSender
{
    public bool IsConfigured => true;

    public async Task SendAsync(string phone, string template, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = JsonContent.Create(new { phone, text = options.Render(template, values), template, sign = options.Sign }),
        };
        if (!string.IsNullOrEmpty(options.Key))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.Key);
        }

        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>
/// The gateway for a county (ADR 0056): the county's own where its admin configured one, else the deployment's
/// (<c>Sms:Gateway</c>). Implemented by the Accounts module, which keeps the counties' settings.
/// </summary>
public interface ISmsGateways
{
    Task<ISmsSender> ForCountyAsync(long countyId, CancellationToken ct);

    /// <summary>
    /// True when the deployment or any county can send: an anonymous answer must not depend on whose login was
    /// typed, so it says "a code may have been sent" whenever some gateway could have sent one.
    /// </summary>
    Task<bool> AnyConfiguredAsync(CancellationToken ct);
}

public static class SmsSetup
{
    /// <summary>A sender for <paramref name="options"/>: <c>Http</c> (needs a URL), <c>Log</c> or none.</summary>
    public static ISmsSender Create(SmsOptions options, IServiceProvider services) => options.Gateway switch
    {
        "Http" => new HttpSmsSender(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpSmsSender)),
            options.Url is null ? throw new InvalidOperationException("Sms:Gateway is Http but Sms:Url is not set.") : options),
        "Log" => new LogSmsSender(options, services.GetRequiredService<ILogger<LogSmsSender>>()),
        _ => new NoSmsSender(),
    };

    /// <summary>The gateway that <c>Sms:Gateway</c> names; read when first asked for, from the host's configuration.</summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(HttpSmsSender), c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp =>
        {
            var options = new SmsOptions();
            sp.GetRequiredService<IConfiguration>().GetSection("Sms").Bind(options);
            return options;
        });
        services.AddSingleton<ISmsSender>(sp => Create(sp.GetRequiredService<SmsOptions>(), sp));
        return services;
    }
}
