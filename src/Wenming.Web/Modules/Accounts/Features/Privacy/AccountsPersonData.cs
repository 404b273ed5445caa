using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Accounts.Features.Privacy;

/// <summary>
/// Accounts' part of anonymizing a person (ADR 0023): each account of the person is deactivated, its login becomes
/// <c>anonymized-{id}</c>, its display name the placeholder, phone, e-mail, password and tokens go, and the earlier
/// audit entries lose the old login and names. A sign-in (or a new account) counts as activity for the retention rule.
/// </summary>
internal sealed class AccountsPersonData(AppDbContext db) : IPersonDataEraser, IPersonActivity
{
    private static readonly string[] ErasedFields =
        [nameof(AppUser.UserName), nameof(AppUser.DisplayName), nameof(AppUser.Email), nameof(AppUser.PhoneNumber)];

    public async Task EraseAsync(AnonymizedPerson person, CancellationToken ct)
    {
        var accounts = await db.Users.Unscoped(because: Why.PersonalData).AsNoTracking().Where(u => u.PersonId == person.PersonId)
            .Select(u => new { u.Id, u.UserName, u.OrgUnitId, u.IsActive }).ToListAsync(ct);
        foreach (var account in accounts)
        {
            // Set-based, with an audit entry written by hand: a tracked change would log the old names in clear.
            var login = "anonymized-" + account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await db.Users.Unscoped(because: Why.PersonalData).Where(u => u.Id == account.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.UserName, login)
                .SetProperty(u => u.NormalizedUserName, login.ToUpperInvariant())
                .SetProperty(u => u.DisplayName, person.Placeholder)
                .SetProperty(u => u.Email, (string?)null)
                .SetProperty(u => u.NormalizedEmail, (string?)null)
                .SetProperty(u => u.PhoneNumber, (string?)null)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.IsActive, false)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")), ct);
            await db.ScrubFieldsAsync(nameof(AppUser), [account.Id], ErasedFields, ct);
            if (account.UserName is { } old)
            {
                await db.RenameActorAsync(old, login, ct);
            }

            db.AuditDirectWrite(AuditAction.Updated, nameof(AppUser), account.Id, account.OrgUnitId, new Dictionary<string, object?>
            {
                [nameof(AppUser.UserName)] = new { old = AuditScrubber.Erased, @new = login },
                [nameof(AppUser.DisplayName)] = new { old = AuditScrubber.Erased, @new = person.Placeholder },
                [nameof(AppUser.PhoneNumber)] = AuditScrubber.Erased,
                [nameof(AppUser.PasswordHash)] = AuditScrubber.Erased,
                [nameof(AppUser.IsActive)] = new { old = account.IsActive, @new = false },
            });
        }

        var ids = accounts.Select(a => a.Id).ToList();
        await db.Set<IdentityUserToken<long>>().Where(t => ids.Contains(t.UserId)).ExecuteDeleteAsync(ct);
    }

    public async Task<IReadOnlySet<long>> ActiveSinceAsync(IReadOnlyCollection<long> personIds, DateTime sinceUtc, CancellationToken ct) =>
        (await db.Users.Unscoped(because: Why.PersonalData).AsNoTracking()
            .Where(u => u.PersonId != null && personIds.Contains(u.PersonId.Value) && (u.LastSignInAt >= sinceUtc || u.CreatedAt >= sinceUtc))
            .Select(u => u.PersonId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
}
