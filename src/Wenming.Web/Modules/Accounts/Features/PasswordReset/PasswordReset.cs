using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Accounts.Features.ManageAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Sms;

namespace Wenming.Web.Modules.Accounts.Features.PasswordReset;

/// <summary>A forgotten password: the login or the phone number the person signs in with.</summary>
public sealed record ForgotPasswordRequest(string? Login);

/// <summary>The one answer to every forgotten-password request, whatever exists (no hint about logins or numbers).</summary>
public sealed record ForgotPasswordReceived(string Status, string Message, bool CodeMayBeSent);

/// <summary>The code from the text message and the new password.</summary>
public sealed record ResetWithCodeRequest(string? Login, string? Code, string? NewPassword);

public sealed record PasswordResetDto(long Id, long UserId, string DisplayName, long OrgUnitId, string UnitName, PasswordResetStatus Status, string StatusLabel, bool CodeSent, DateTimeOffset CreatedAt, DateTimeOffset? DoneAt, string? DoneByName);

internal sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordRequest>
{
    public ForgotPasswordValidator() => RuleFor(r => r.Login).RequiredText("login", 50);
}

internal sealed class ResetWithCodeValidator : AbstractValidator<ResetWithCodeRequest>
{
    public ResetWithCodeValidator()
    {
        RuleFor(r => r.Login).RequiredText("login", 50);
        RuleFor(r => r.Code).Must(c => c is not null && c.Trim().Length == 6 && c.Trim().All(char.IsAsciiDigit))
            .WithErrorCode("account.reset_code_invalid").WithMessage(_ => Text.Get("account.reset_code_invalid"));
        RuleFor(r => r.NewPassword).RequiredText("password", 100);
    }
}

/// <summary>
/// The anonymous side of a forgotten password. The request is kept for the station of the account's unit; where the
/// account's county has a text-message gateway (its own or the deployment's, <see cref="ISmsGateways"/>, ADR 0056) a
/// six-digit code also goes to the account's phone: valid <see cref="CodeLifetime"/>, <see cref="PasswordResetRequest.MaxAttempts"/> tries, once.
/// Unknown logins get the same answer and leave no row (ADR 0053).
/// </summary>
public sealed partial class ForgotPasswordHandler(AppDbContext db, OrgScope scope, CurrentActor actor, UserManager<AppUser> users, ISmsGateways gateways, TimeProvider clock, ILogger<ForgotPasswordHandler> log)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private static readonly ForgotPasswordValidator Validator = new();
    private static readonly ResetWithCodeValidator CodeValidator = new();

    public async Task<Result<ForgotPasswordReceived>> RequestAsync(ForgotPasswordRequest request, CancellationToken ct)
    {
        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        using var open = scope.Unscoped(because: Why.SignIn);
        var user = await FindAsync(request.Login!, ct);
        if (user is { CountyId: { } countyId })
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // One open request per account: asking again sends a new code rather than a second to-do for the station.
            var reset = await db.Set<PasswordResetRequest>()
                .Where(r => r.UserId == user.Id && r.Status == PasswordResetStatus.Open)
                .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            if (reset is null)
            {
                reset = PasswordResetRequest.Ask(countyId, user.OrgUnitId, user.Id, user.DisplayName, actor.IpAddress, now);
                db.Add(reset);
            }

            string? code = null;
            var sms = await gateways.ForCountyAsync(countyId, ct);
            if (sms.IsConfigured && !string.IsNullOrEmpty(user.PhoneNumber))
            {
                code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
                reset.CodeSent(Hash(user.Id, code), now + CodeLifetime);
            }

            await db.SaveChangesAsync(ct);
            if (code is not null)
            {
                try
                {
                    await sms.SendAsync(user.PhoneNumber!, "PasswordReset", new Dictionary<string, string>
                    {
                        ["code"] = code,
                        ["minutes"] = ((int)CodeLifetime.TotalMinutes).ToString(CultureInfo.InvariantCulture),
                    }, ct);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    // The station still sees the request; the person is told the same as always.
                    SendFailed(log, e);
                }
            }
        }

        return await ReceivedAsync(ct);
    }

    /// <summary>The same answer for every login: whether some gateway could have sent a code, not whether this one did.</summary>
    private async Task<ForgotPasswordReceived> ReceivedAsync(CancellationToken ct)
    {
        var any = await gateways.AnyConfiguredAsync(ct);
        return new("Received", Text.Get(any ? "Accounts.forgot.received_sms" : "Accounts.forgot.received"), any);
    }

    public async Task<Result<bool>> ResetWithCodeAsync(ResetWithCodeRequest request, CancellationToken ct)
    {
        if (Validation.Check(CodeValidator, request) is { } invalid)
        {
            return invalid;
        }

        using var open = scope.Unscoped(because: Why.SignIn);
        var wrong = Error.Field("code", "account.reset_code_invalid");
        var user = await FindAsync(request.Login!, ct);
        if (user is null)
        {
            return wrong;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reset = await db.Set<PasswordResetRequest>()
            .Where(r => r.UserId == user.Id && r.Status == PasswordResetStatus.Open && r.CodeHash != null)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (reset is null || !reset.CodeUsable(now))
        {
            return wrong;
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(reset.CodeHash!), Encoding.ASCII.GetBytes(Hash(user.Id, request.Code!.Trim()))))
        {
            reset.WrongCode();
            await SaveQuietlyAsync(ct);
            return wrong;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, request.NewPassword);
            if (!result.Succeeded)
            {
                return Error.Validation(new Dictionary<string, string[]> { ["newPassword"] = [.. result.Errors.Select(e => e.Description)] }, "account.password_weak");
            }
        }

        var tracked = await db.Users.SingleAsync(u => u.Id == user.Id, ct);
        tracked.PasswordHash = users.PasswordHasher.HashPassword(tracked, request.NewPassword!);
        // A new stamp ends the account's other sessions and tokens, as an admin's reset does.
        tracked.SecurityStamp = Guid.NewGuid().ToString("N");
        reset.Done(Text.Get("Accounts.forgot.by_sms"), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same code used twice at once: the first wins, the second finds the request done.
            return wrong;
        }

        return true;
    }

    private async Task SaveQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another try changed the count at the same moment; this one is refused either way.
        }
    }

    private Task<AppUser?> FindAsync(string login, CancellationToken ct)
    {
        var trimmed = login.Trim();
        var normalized = users.NormalizeName(trimmed);
        return db.Users.Unscoped(because: Why.SignIn).AsNoTracking()
            .FirstOrDefaultAsync(u => (u.NormalizedUserName == normalized || u.PhoneNumber == trimmed) && u.IsActive, ct);
    }

    /// <summary>The code bound to the account, so a code is worth nothing for another one.</summary>
    private static string Hash(long userId, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userId.ToString(CultureInfo.InvariantCulture) + ":" + code)));

    [LoggerMessage(Level = LogLevel.Error, Message = "The password-reset text message could not be sent")]
    private static partial void SendFailed(ILogger logger, Exception error);
}

/// <summary>The station's side: open requests of its units, and the reset (the existing admin reset) that closes one.</summary>
public sealed class PasswordResetsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, ManageAccountHandler accounts, TimeProvider clock)
{
    public async Task<Result<PageOf<PasswordResetDto>>> ListAsync(PasswordResetStatus? status, PageRequest paging, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var query = db.Set<PasswordResetRequest>().AsNoTracking().Where(r => status == null || r.Status == status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.SafePageSize).ToListAsync(ct);
        var names = await orgs.NamesAsync([.. rows.Select(r => r.OrgUnitId).Distinct()], ct);
        return new PageOf<PasswordResetDto>([.. rows.Select(r => Dto(r, names))], paging.SafePage, paging.SafePageSize, total);
    }

    public Task<int> OpenCountAsync(CancellationToken ct) =>
        db.Set<PasswordResetRequest>().CountAsync(r => r.Status == PasswordResetStatus.Open, ct);

    public async Task<Result<PasswordResetDto>> ResetAsync(long id, ResetPasswordRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var reset = await db.Set<PasswordResetRequest>().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reset is null)
        {
            return Error.NotFound("account.reset_not_found");
        }

        if (reset.Status != PasswordResetStatus.Open)
        {
            return Error.Conflict("account.reset_done");
        }

        var done = await accounts.ResetPasswordAsync(reset.UserId, request, ct);
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        reset.Done(actor.Login ?? "", clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("account.reset_done");
        }

        return Dto(reset, await orgs.NamesAsync([reset.OrgUnitId], ct));
    }

    private static PasswordResetDto Dto(PasswordResetRequest r, IReadOnlyDictionary<long, string> names) => new(
        r.Id, r.UserId, r.DisplayName, r.OrgUnitId, names.GetValueOrDefault(r.OrgUnitId, ""), r.Status, SignUp.RegistrationLabels.Status(r.Status), r.CodeHash is not null,
        new DateTimeOffset(r.CreatedAt, TimeSpan.Zero).ToOffset(Text.ChinaOffset),
        r.DoneAt is { } d ? new DateTimeOffset(d, TimeSpan.Zero).ToOffset(Text.ChinaOffset) : null, r.DoneByName);
}
