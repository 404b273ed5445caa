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
/// keeps LastError; the row stays undelivered and the sweeper tries again. Several deliverers (the request,
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

    internal OutboxDelivery(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxDelivery> log, IEnumerable<EventSubscription> subscriptions)
    {
        _scopes = scopes;
        _clock = clock;
        _log = log;
        _subscriptions = subscriptions.ToLookup(s => s.Type);
    }

    /// <summary>
    /// Delivers undelivered rows created before <paramref name="createdBefore"/> (all of them when
    /// <paramref name="ids"/> is null, else those ids), at most <see cref="BatchSize"/>.
    /// </summary>
    /// <returns>How many rows were looked at and how many of them failed.</returns>
    public async Task<(int Seen, int Failed)> DeliverAsync(IReadOnlyCollection<long>? ids, DateTime createdBefore, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.DeliveredAt == null && m.CreatedAt < createdBefore);
        if (ids is not null)
        {
            pending = pending.Where(m => ids.Contains(m.Id));
        }

        // Rows that keep failing go to the back, so a poisoned event cannot hold up the ones behind it.
        var rows = await pending.OrderBy(m => m.Attempts).ThenBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var failed = 0;
        foreach (var row in rows)
        {
            if (!await DeliverOneAsync(db, row, ct))
            {
                failed++;
            }
        }

        return (rows.Count, failed);
    }

    private async Task<bool> DeliverOneAsync(AppDbContext db, OutboxMessage row, CancellationToken ct)
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

            var now = _clock.GetUtcNow().UtcDateTime;
            await messages.ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, now), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogWarning(e, "Delivering outbox row {Id} ({Type}) failed; it will be retried", row.Id, row.Type);
            // The innermost exception names the cause (the database's own message under EF's wrapper).
            var cause = e.GetBaseException();
            var error = cause == e ? $"{e.GetType().Name}: {e.Message}" : $"{e.GetType().Name}: {cause.GetType().Name}: {cause.Message}";
            error = error.Length <= OutboxMessage.MaxErrorLength ? error : error[..OutboxMessage.MaxErrorLength];
            await messages.ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error), CancellationToken.None);
            return false;
        }
    }
}
