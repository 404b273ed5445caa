using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;
using Wenming.Web.Platform.Sms;

namespace Wenming.Web.Modules.Accounts.Features.SmsGateway;

/// <summary>What a county's gateway is: <c>Default</c> (nothing of its own: the deployment's), <c>None</c>, <c>Log</c> or <c>Http</c>.</summary>
public static class SmsGatewayKinds
{
    public const string Default = "Default";
    public const string None = "None";
    public const string Log = "Log";
    public const string Http = "Http";

    public static readonly string[] All = [Default, None, Log, Http];

    public static string Label(string kind) => Text.Get(kind switch
    {
        None => "Accounts.sms.kind_none",
        Log => "Accounts.sms.kind_log",
        Http => "Accounts.sms.kind_http",
        _ => "Accounts.sms.kind_default",
    });
}

/// <summary>A county's gateway as its admin sees it: the key only as set or not (<see cref="KeySet"/>), never its value.</summary>
public sealed record SmsGatewayDto(
    long CountyId, string Kind, string KindLabel, string? Url, string? Sign, string? Template, bool KeySet, string DeploymentKind, string DeploymentKindLabel, DateTimeOffset? UpdatedAt);

/// <summary>
/// The county's gateway. <see cref="Key"/>: empty keeps the stored key, a value replaces it; <see cref="ClearKey"/>
/// removes it. <see cref="Template"/> is the password-reset text with <c>{code}</c> (and <c>{minutes}</c>).
/// </summary>
public sealed record SmsGatewayRequest(string? Kind, string? Url, string? Sign, string? Template, string? Key, bool? ClearKey);

public sealed record SmsTestRequest(string? Phone);

public sealed record SmsTestResult(bool Sent, string Message);

internal sealed class SmsGatewayValidator : AbstractValidator<SmsGatewayRequest>
{
    public const int MaxUrlLength = 300;
    public const int MaxSignLength = 20;
    public const int MaxTemplateLength = 200;
    public const int MaxKeyLength = 200;

    public SmsGatewayValidator()
    {
        RuleFor(r => r.Kind).Must(k => k is not null && SmsGatewayKinds.All.Contains(k))
            .WithErrorCode("account.sms_kind_invalid").WithMessage(_ => Text.Get("Accounts.sms.kind_invalid"));
        RuleFor(r => r.Url).Must(u => !string.IsNullOrWhiteSpace(u))
            .When(r => r.Kind == SmsGatewayKinds.Http)
            .WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("Accounts.sms.url")));
        RuleFor(r => r.Url).Must(BeHttpUrl)
            .When(r => !string.IsNullOrWhiteSpace(r.Url))
            .WithErrorCode("account.sms_url_invalid").WithMessage(_ => Text.Get("Accounts.sms.url_invalid"));
        RuleFor(r => r.Url).MaximumLength(MaxUrlLength)
            .WithErrorCode("validation.too_long").WithMessage(_ => Text.Get("validation.too_long", Text.Get("Accounts.sms.url"), MaxUrlLength));
        RuleFor(r => r.Sign).MaximumLength(MaxSignLength)
            .WithErrorCode("validation.too_long").WithMessage(_ => Text.Get("validation.too_long", Text.Get("Accounts.sms.sign"), MaxSignLength));
        RuleFor(r => r.Template).MaximumLength(MaxTemplateLength)
            .WithErrorCode("validation.too_long").WithMessage(_ => Text.Get("validation.too_long", Text.Get("Accounts.sms.template"), MaxTemplateLength));
        RuleFor(r => r.Template).Must(t => t!.Contains("{code}", StringComparison.Ordinal))
            .When(r => !string.IsNullOrWhiteSpace(r.Template))
            .WithErrorCode("account.sms_template_invalid").WithMessage(_ => Text.Get("Accounts.sms.template_invalid"));
        RuleFor(r => r.Key).MaximumLength(MaxKeyLength)
            .WithErrorCode("validation.too_long").WithMessage(_ => Text.Get("validation.too_long", Text.Get("Accounts.sms.key"), MaxKeyLength));
    }

    /// <summary>Only http and https: a file: or javascript: address must never become where codes are sent.</summary>
    private static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;
}

/// <summary>
/// A county's text-message gateway (ADR 0056), kept as the platform setting <c>sms-gateway:{countyId}</c>: JSON with
/// the kind, URL, sign name, template and the API key encrypted with the PII key (<see cref="PiiProtector"/>), so a
/// copy of the database does not give away the gateway account. Only the county's center admins read and change it;
/// every change is audited as <c>SmsGateway</c> with the key as set/cleared, never its value.
/// </summary>
public sealed class SmsGatewayHandler(AppDbContext db, CurrentActor actor, PiiProtector pii, ISmsGateways gateways, SmsOptions deployment, TimeProvider clock)
{
    public const string Prefix = "sms-gateway:";

    private static readonly SmsGatewayValidator Validator = new();

    /// <summary>The county the caller may configure: their own, as a center admin.</summary>
    public Error? Check(long countyId) =>
        actor.Has(Role.CenterAdmin) && actor.CountyId == countyId ? null : Error.Forbidden();

    public async Task<Result<SmsGatewayDto>> GetAsync(long countyId, CancellationToken ct)
    {
        if (Check(countyId) is { } forbidden)
        {
            return forbidden;
        }

        var setting = await db.Set<PlatformSetting>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == Prefix + countyId, ct);
        return Dto(countyId, setting);
    }

    public async Task<Result<SmsGatewayDto>> SetAsync(long countyId, SmsGatewayRequest request, CancellationToken ct)
    {
        if (Check(countyId) is { } forbidden)
        {
            return forbidden;
        }

        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var setting = await db.Set<PlatformSetting>().SingleOrDefaultAsync(s => s.Name == Prefix + countyId, ct);
        var before = setting is null ? null : Stored.Read(setting.Value);
        var keyBefore = before?.Key;
        var key = request.ClearKey == true ? null : string.IsNullOrWhiteSpace(request.Key) ? keyBefore : pii.Encrypt(request.Key.Trim());
        var after = new Stored(request.Kind!, Blank(request.Url), Blank(request.Sign), Blank(request.Template), key);
        if (after.Kind == SmsGatewayKinds.Default)
        {
            after = new Stored(SmsGatewayKinds.Default, null, null, null, null);
        }

        if (setting is null)
        {
            setting = PlatformSetting.Create(Prefix + countyId, after.Write(), now);
            db.Add(setting);
        }
        else
        {
            setting.Replace(after.Write(), now);
        }

        // Platform settings are not audited by themselves; this row says who changed what, the key only as a fact.
        db.AuditDirectWrite(before is null ? AuditAction.Created : AuditAction.Updated, "SmsGateway", countyId, countyId, new Dictionary<string, object?>
        {
            ["Kind"] = after.Kind,
            ["Url"] = after.Url,
            ["Sign"] = after.Sign,
            ["Template"] = after.Template,
            ["KeySet"] = after.Key is not null,
            ["KeyChanged"] = after.Key != keyBefore,
        });
        await db.SaveChangesAsync(ct);
        return Dto(countyId, setting);
    }

    /// <summary>发送测试短信: one message through the county's gateway as it is now, to the number given.</summary>
    public async Task<Result<SmsTestResult>> SendTestAsync(long countyId, SmsTestRequest request, CancellationToken ct)
    {
        if (Check(countyId) is { } forbidden)
        {
            return forbidden;
        }

        var phone = request.Phone?.Trim();
        if (string.IsNullOrEmpty(phone) || phone.Length != 11 || !phone.All(char.IsAsciiDigit) || phone[0] != '1')
        {
            return FieldErrors.One("phone", "account.sms_phone_invalid", "Accounts.sms.phone_invalid");
        }

        var sender = await gateways.ForCountyAsync(countyId, ct);
        if (!sender.IsConfigured)
        {
            return Error.Conflict("account.sms_gateway_none");
        }

        try
        {
            await sender.SendAsync(phone, Text.Get("Accounts.sms.test_text"), new Dictionary<string, string>(), ct);
            return new SmsTestResult(true, Text.Get("Accounts.sms.test_sent"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // The admin needs to know it failed and roughly why; the gateway's answer may name the problem.
            return new SmsTestResult(false, Text.Get("Accounts.sms.test_failed", e.Message));
        }
    }

    private SmsGatewayDto Dto(long countyId, PlatformSetting? setting)
    {
        var stored = setting is null ? null : Stored.Read(setting.Value);
        var kind = stored?.Kind ?? SmsGatewayKinds.Default;
        var deploymentKind = deployment.Gateway is SmsGatewayKinds.Http or SmsGatewayKinds.Log ? deployment.Gateway : SmsGatewayKinds.None;
        return new SmsGatewayDto(
            countyId, kind, SmsGatewayKinds.Label(kind), stored?.Url, stored?.Sign, stored?.Template, stored?.Key is not null,
            deploymentKind, SmsGatewayKinds.Label(deploymentKind),
            setting is null ? null : new DateTimeOffset(DateTime.SpecifyKind(setting.UpdatedAt, DateTimeKind.Utc)).ToOffset(Text.ChinaOffset));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The setting's JSON; <see cref="Key"/> is the encrypted key.</summary>
    internal sealed record Stored(string Kind, string? Url, string? Sign, string? Template, string? Key)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static Stored? Read(string value) => JsonSerializer.Deserialize<Stored>(value, Json);

        public string Write() => JsonSerializer.Serialize(this, Json);
    }
}

/// <summary>
/// <see cref="ISmsGateways"/>: a county's stored gateway, or the deployment's when it set none. Read per request
/// (one primary-key lookup); the anonymous forgotten-password request is rare and rate-limited.
/// </summary>
internal sealed class CountySmsGateways(AppDbContext db, ISmsSender deploymentSender, SmsOptions deployment, PiiProtector pii, IServiceProvider services) : ISmsGateways
{
    public async Task<ISmsSender> ForCountyAsync(long countyId, CancellationToken ct)
    {
        var value = await db.Set<PlatformSetting>().AsNoTracking().Where(s => s.Name == SmsGatewayHandler.Prefix + countyId).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return value is not null && SmsGatewayHandler.Stored.Read(value) is { } stored && stored.Kind != SmsGatewayKinds.Default
            ? SmsSetup.Create(OptionsOf(stored), services)
            : deploymentSender;
    }

    public async Task<bool> AnyConfiguredAsync(CancellationToken ct)
    {
        var values = await db.Set<PlatformSetting>().AsNoTracking().Where(s => s.Name.StartsWith(SmsGatewayHandler.Prefix)).Select(s => s.Value).ToListAsync(ct);
        var kinds = values.Select(v => SmsGatewayHandler.Stored.Read(v)?.Kind ?? SmsGatewayKinds.Default).ToList();
        // Counties that set nothing use the deployment's gateway.
        return deploymentSender.IsConfigured || kinds.Any(k => k is SmsGatewayKinds.Log or SmsGatewayKinds.Http);
    }

    private SmsOptions OptionsOf(SmsGatewayHandler.Stored stored)
    {
        var templates = new Dictionary<string, string>(deployment.Templates, StringComparer.Ordinal);
        if (stored.Template is { } template)
        {
            templates["PasswordReset"] = template;
        }

        return new SmsOptions
        {
            // An Http gateway without a URL cannot send: it is treated as none rather than failing every request.
            Gateway = stored.Kind == SmsGatewayKinds.Http && stored.Url is null ? SmsGatewayKinds.None : stored.Kind,
            Url = stored.Url is null ? null : new Uri(stored.Url),
            Key = stored.Key is null ? null : pii.Decrypt(stored.Key),
            Sign = stored.Sign,
            Templates = templates,
        };
    }
}
