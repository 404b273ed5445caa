using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Accounts.Features.SignIn;

/// <summary>
/// How patient sign-in is with wrong passwords (ADR 0019, settings <c>Security:SignIn…</c>). After
/// <see cref="FailuresBeforeWait"/> wrong passwords for one account from one address, that address waits
/// <see cref="FirstWait"/>, then twice as long after each further wrong password, up to <see cref="MaxWait"/>.
/// Once an account has collected <see cref="AccountFailuresPerHour"/> wrong passwords from all addresses
/// within an hour, it is under attack: from then on a single wrong password makes its address wait
/// <see cref="MaxWait"/>. An address's first attempt is always checked, so a right password is never refused
/// from an address that has not failed.
/// </summary>
public sealed record SignInLimits(int FailuresBeforeWait, TimeSpan FirstWait, TimeSpan MaxWait, int AccountFailuresPerHour)
{
    /// <summary>Failures older than this are forgotten (and the cleanup job deletes them).</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(24);

    public static SignInLimits From(IConfiguration config)
    {
        var first = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Security:SignInFirstWaitMinutes", 1)));
        var max = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Security:SignInMaxWaitMinutes", 15)));
        return new SignInLimits(
            Math.Max(1, config.GetValue("Security:SignInFailuresBeforeWait", 5)),
            first,
            max < first ? first : max,
            Math.Max(1, config.GetValue("Security:SignInAccountFailuresPerHour", 50)));
    }

    /// <summary>How long an address waits once its failures for one account reach <paramref name="failures"/>.</summary>
    public TimeSpan WaitAfter(int failures, bool underAttack)
    {
        if (underAttack)
        {
            return MaxWait;
        }

        if (failures < FailuresBeforeWait)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FailuresBeforeWait, 30);
        var wait = FirstWait.TotalMinutes * Math.Pow(2, doublings);
        return wait >= MaxWait.TotalMinutes ? MaxWait : TimeSpan.FromMinutes(wait);
    }
}

/// <summary>
/// The per-(account, client address) brake on password guessing (ADR 0019), shared by all web nodes
/// through one table. An attempt is counted as a failure before its password is checked (so a burst of
/// simultaneous guesses cannot all slip through before the count catches up) and uncounted when the
/// password proves right. Counting uses compare-and-set on the failure count, never an in-process lock.
/// Unknown logins are counted under a hash of the login, exactly like accounts.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, SignInLimits limits, TimeProvider clock, ILogger<SignInThrottle> log)
{
    public static string KeyOf(long userId) => "u:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string KeyOf(string normalizedLogin) => "l:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedLogin)));

    /// <summary>The client address as the throttle sees it: IPv4 as is, IPv6 by its /64 (one household or phone gets a whole /64).</summary>
    public static string AddressOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// Claims one attempt of <paramref name="accountKey"/> from <paramref name="address"/>: null when it may
    /// go ahead (already counted as a failure until <see cref="SucceededAsync"/>), else how long to wait.
    /// </summary>
    public async Task<TimeSpan?> ClaimAsync(string accountKey, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Set<SignInThrottleEntry>();
        var hourAgo = now.AddHours(-1);
        var accountFailures = await rows.Where(e => e.AccountKey == accountKey && e.LastFailureAt > hourAgo).SumAsync(e => e.Failures, ct);
        var underAttack = accountFailures >= limits.AccountFailuresPerHour;
        for (var round = 0; round < 8; round++)
        {
            var row = await rows.AsNoTracking().SingleOrDefaultAsync(e => e.AccountKey == accountKey && e.Address == address, ct);
            if (row?.WaitUntil is { } until && until > now)
            {
                return until - now;
            }

            var failures = row is null || row.LastFailureAt <= now - SignInLimits.Memory ? 1 : row.Failures + 1;
            var wait = limits.WaitAfter(failures, underAttack);
            DateTime? waitUntil = wait > TimeSpan.Zero ? now + wait : null;
            int claimed;
            if (row is null)
            {
                claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""INSERT INTO acct_sign_in_throttle ("AccountKey", "Address", "Failures", "LastFailureAt", "WaitUntil") VALUES ({accountKey}, {address}, {failures}, {now}, {waitUntil}) ON CONFLICT ("AccountKey", "Address") DO NOTHING""", ct);
            }
            else
            {
                var seen = row.Failures;
                claimed = await rows
                    .Where(e => e.AccountKey == accountKey && e.Address == address && e.Failures == seen && (e.WaitUntil == null || e.WaitUntil <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Failures, failures).SetProperty(e => e.LastFailureAt, now).SetProperty(e => e.WaitUntil, waitUntil), ct);
            }

            if (claimed == 1)
            {
                if (underAttack && failures == 1)
                {
                    log.LogWarning("Sign-in: {Failures} wrong passwords for {AccountKey} within an hour; every failing address now waits {Minutes} min", accountFailures, accountKey, limits.MaxWait.TotalMinutes);
                }

                return null;
            }
        }

        // Lost the race eight times running: a burst on this very pair; it may try again shortly.
        return limits.FirstWait;
    }

    /// <summary>The password was right: this address starts afresh for this account (other addresses keep their count).</summary>
    public Task SucceededAsync(string accountKey, string address, CancellationToken ct) =>
        db.Set<SignInThrottleEntry>().Where(e => e.AccountKey == accountKey && e.Address == address).ExecuteDeleteAsync(ct);

    /// <summary>An admin's 解除锁定: every address may try this account again.</summary>
    public Task ReleaseAsync(long userId, CancellationToken ct)
    {
        var key = KeyOf(userId);
        return db.Set<SignInThrottleEntry>().Where(e => e.AccountKey == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>The accounts among <paramref name="userIds"/> that some address is waiting to try again.</summary>
    public async Task<HashSet<long>> WaitingAsync(IReadOnlyCollection<long> userIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = userIds.Select(KeyOf).ToList();
        var waiting = await db.Set<SignInThrottleEntry>().Where(e => keys.Contains(e.AccountKey) && e.WaitUntil > now).Select(e => e.AccountKey).Distinct().ToListAsync(ct);
        return [.. waiting.Select(k => long.Parse(k.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture))];
    }
}
