using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>
/// Deletes expired refresh tokens (an expired token is refused anyway, so a family whose tokens have all
/// expired disappears with them) and sign-in failures older than <see cref="SignInLimits.Memory"/> whose
/// wait is over. Set-based deletes: several nodes running it at once simply delete nothing the second time.
/// </summary>
public sealed class SignInCleanupJob(AppDbContext db) : IJob
{
    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        var forgottenBefore = nowUtc - SignInLimits.Memory;
        var tokens = await db.Set<RefreshToken>().Where(t => t.ExpiresAt <= nowUtc).ExecuteDeleteAsync(ct);
        var failures = await db.Set<SignInThrottleEntry>()
            .Where(e => e.LastFailureAt <= forgottenBefore && (e.WaitUntil == null || e.WaitUntil <= nowUtc))
            .ExecuteDeleteAsync(ct);
        return tokens + failures;
    }
}
