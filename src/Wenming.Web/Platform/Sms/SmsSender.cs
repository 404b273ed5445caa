using System.Net.Http.Json;

namespace Wenming.Web.Platform.Sms;

/// <summary>
/// Sends a text message to a mobile number. Which gateway stands behind it is configuration (<c>Sms:Gateway</c>):
/// none (the default: nothing is sent, and features that need a text message fall back to people), <c>Log</c> (the
/// development sender, which writes the message to the log) or <c>Http</c> (a generic HTTP gateway, ADR 0053).
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
            Content = JsonContent.Create(new { phone, text = options.Render(template, values), template }),
        };
        if (!string.IsNullOrEmpty(options.Key))
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.Key);
        }

        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}

public static class SmsSetup
{
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
        services.AddSingleton<ISmsSender>(sp =>
        {
            var options = sp.GetRequiredService<SmsOptions>();
            return options.Gateway switch
            {
                "Http" => new HttpSmsSender(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HttpSmsSender)),
                    options.Url is null ? throw new InvalidOperationException("Sms:Gateway is Http but Sms:Url is not set.") : options),
                "Log" => new LogSmsSender(options, sp.GetRequiredService<ILogger<LogSmsSender>>()),
                _ => new NoSmsSender(),
            };
        });
        return services;
    }
}
