using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.OwnPhone;

public sealed record ChangeOwnPhoneRequest(string? Phone);

public sealed record OwnPhoneDto(string Phone);

/// <summary>
/// Everyone changes their own mobile number. It lives on the person (People module: what admins see and
/// orders use) and on the account (a second sign-in name), so both change in one save. A number that signs
/// in to another account is refused: sign-in by number must name one account.
/// </summary>
public sealed class ChangeOwnPhoneHandler(AppDbContext db, CurrentActor actor, IPersonPhone phones, IPeopleDirectory people)
{
    /// <summary>The number as it stands: the person's (what admins see), else the account's own.</summary>
    public async Task<string?> CurrentAsync(CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.PersonId, u.PhoneNumber }).SingleOrDefaultAsync(ct);
        var person = user?.PersonId is { } personId ? await people.FindAsync(personId, ct) : null;
        return person is { Phone.Length: > 0 } ? person.Phone : user?.PhoneNumber;
    }

    public async Task<Result<OwnPhoneDto>> HandleAsync(ChangeOwnPhoneRequest request, CancellationToken ct)
    {
        if (actor.UserId is not { } userId)
        {
            return Error.Of("auth.unauthorized", ErrorKind.Unauthorized);
        }

        var parsed = phones.Parse(request.Phone);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var phone = parsed.Value;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || !user.IsActive)
        {
            return Error.Of("auth.unauthorized", ErrorKind.Unauthorized);
        }

        // Numbers are sign-in names on the whole platform, like logins (a login may itself be a number).
        if (await db.Users.Unscoped(because: Why.Uniqueness).AnyAsync(u => u.Id != userId && (u.PhoneNumber == phone || u.NormalizedUserName == phone), ct))
        {
            return Error.Conflict("account.phone_taken");
        }

        if (user.PersonId is { } personId && await phones.StageChangeAsync(personId, phone, ct) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        user.PhoneNumber = phone;
        await db.SaveChangesAsync(ct);
        return new OwnPhoneDto(phone);
    }
}
