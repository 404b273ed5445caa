using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Events;

/// <summary>One handler of one event type, registered by <see cref="EventsSetup.AddEventHandler{TEvent, THandler}"/>.</summary>
internal sealed record EventSubscription(string Type, Type EventType, Func<IServiceProvider, object, CancellationToken, Task> Invoke);

/// <summary>
/// Delivers outbox rows: for each row, oldest first, every handler of its type in a fresh scope as the
/// system operator, then marks the row delivered with a conditional UPDATE. A failure bumps Attempts and
/// keeps LastError; the row stays undelivered and the sweeper tries again after a backoff that doubles with
/// every failure, and after <c>Events:MaxAttempts</c> failures the row becomes a dead letter that only a
/// system admin's retry brings back (ADR 0022). Several deliverers (the request,
/// the sweeper on every node) may run the same row at once: the handlers are idempotent, so that costs a
/// little work, never a double payment.
/// </summary>
public sealed class OutboxDelivery
{
    public const int BatchSize = 100;

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDelivery> _log;
    private readonly ILookup<string, EventSubscription> _subscriptions;

    internal OutboxDelivery(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxDelivery> log, IEnumerable<EventSubscription> subscriptions, IConfiguration config)
    {
        _scopes = scopes;
        _clock = clock;
        _log = log;
        _subscriptions = subscriptions.ToLookup(s => s.Type);
        MaxAttempts = Math.Max(1, config.GetValue("Events:MaxAttempts", 10));
        RetryBase = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("Events:RetryBaseSeconds", 30)));
    }

    /// <summary>Failed deliveries after which a row becomes a dead letter (<c>Events:MaxAttempts</c>, default 10).</summary>
    public int MaxAttempts { get; }

    /// <summary>The wait after the first failure (<c>Events:RetryBaseSeconds</c>, default 30); it doubles with each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBase { get; }

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>How long to wait before the next try after <paramref name="attempts"/> failures.</summary>
    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryBase.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    /// <summary>
    /// Makes a dead letter pending again (attempts from zero) and delivers it at once.
    /// Returns null when there is no such dead letter, else whether this delivery succeeded.
    /// </summary>
    public async Task<bool?> RetryDeadLetterAsync(long id, CancellationToken ct)
    {
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var revived = await db.Set<OutboxMessage>().Where(m => m.Id == id && m.DeadAt != null && m.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadAt, (DateTime?)null).SetProperty(m => m.NextAttemptAt, (DateTime?)null).SetProperty(m => m.Attempts, 0), ct);
            if (revived == 0)
            {
                return null;
            }
        }

        var (_, failed) = await DeliverAsync([id], DateTime.MaxValue, ct);
        return failed == 0;
    }

    /// <summary>
    /// Delivers undelivered rows created before <paramref name="createdBefore"/> (all of them when
    /// <paramref name="ids"/> is null, else those ids), at most <see cref="BatchSize"/>.
    /// </summary>
    /// <returns>How many rows were looked at and how many of them failed.</returns>
    /// <param name="nowUtc">The sweep's time (rows waiting out their backoff until later are skipped); the clock's when null.</param>
    public async Task<(int Seen, int Failed)> DeliverAsync(IReadOnlyCollection<long>? ids, DateTime createdBefore, CancellationToken ct, DateTime? nowUtc = null)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = nowUtc ?? _clock.GetUtcNow().UtcDateTime;
        var pending = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DeliveredAt == null && m.DeadAt == null && m.CreatedAt < createdBefore);
        if (ids is not null)
        {
            pending = pending.Where(m => ids.Contains(m.Id));
        }
        else
        {
            pending = pending.Where(m => m.NextAttemptAt == null || m.NextAttemptAt <= now);
        }

        // Rows that keep failing go to the back, so a poisoned event cannot hold up the ones behind it.
        var rows = await pending.OrderBy(m => m.Attempts).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var failed = 0;
        foreach (var row in rows)
        {
            if (!await DeliverOneAsync(db, row, now, ct))
            {
                failed++;
            }
        }

        return (rows.Count, failed);
    }

    private async Task<bool> DeliverOneAsync(AppDbContext db, OutboxMessage row, DateTime now, CancellationToken ct)
    {
        var messages = db.Set<OutboxMessage>().Where(m => m.Id == row.Id && m.DeliveredAt == null);
        try
        {
            foreach (var subscription in _subscriptions[row.Type])
            {
                var evt = JsonSerializer.Deserialize(row.Payload, subscription.EventType, EventNames.Json)
                    ?? throw new JsonException($"Empty payload of outbox row {row.Id}.");

                // Each handler gets its own scope (its own context and change tracker), acting as the system.
                await using var handlerScope = _scopes.CreateAsyncScope();
                var sp = handlerScope.ServiceProvider;
                sp.GetRequiredService<OrgScope>().AllowEverything();
                sp.GetRequiredService<CurrentActor>().Operator("event:" + row.Type);
                await subscription.Invoke(sp, evt, ct);
            }

            var deliveredAt = _clock.GetUtcNow().UtcDateTime;
            await messages.ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, deliveredAt), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var attempts = row.Attempts + 1;
            var dead = attempts >= MaxAttempts;
            if (dead)
            {
                _log.LogError(e, "Delivering outbox row {Id} ({Type}) failed {Attempts} times; it is now a dead letter (retry it from /ops/dead-letters)", row.Id, row.Type, attempts);
            }
            else
            {
                _log.LogWarning(e, "Delivering outbox row {Id} ({Type}) failed; it will be retried", row.Id, row.Type);
            }

            // The innermost exception names the cause (the database's own message under EF's wrapper).
            var cause = e.GetBaseException();
            var error = cause == e ? $"{e.GetType().Name}: {e.Message}" : $"{e.GetType().Name}: {cause.GetType().Name}: {cause.Message}";
            error = error.Length <= OutboxMessage.MaxErrorLength ? error : error[..OutboxMessage.MaxErrorLength];
            DateTime? deadAt = dead ? now : null;
            DateTime? next = dead ? null : now + Backoff(attempts);
            await messages.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.DeadAt, deadAt),
                CancellationToken.None);
            return false;
        }
    }
}
