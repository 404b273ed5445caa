using System.Text.Json;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Platform.Events;

/// <summary>The request's outbox: adds rows to the request's own context and remembers them for delivery after the commit.</summary>
internal sealed class EventOutbox(AppDbContext db, OutboxDelivery delivery, IConfiguration config, TimeProvider clock) : IEventOutbox
{
    private readonly List<OutboxMessage> _added = [];

    public void Add<TEvent>(TEvent evt)
        where TEvent : class
    {
        var message = OutboxMessage.Create(EventNames.Of(typeof(TEvent)), JsonSerializer.Serialize(evt, EventNames.Json), clock.GetUtcNow().UtcDateTime);
        db.Add(message);
        _added.Add(message);
    }

    public async Task DeliverAsync(CancellationToken ct)
    {
        // Handlers run on their own connections; inside the raising transaction they would not see the
        // change yet (and on SQLite would wait for its write lock), so delivery belongs after the commit.
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Deliver events after the transaction that wrote them has committed.");
        }

        // Only rows that were saved have an id; a row whose transaction rolled back is simply not found.
        var ids = _added.Where(m => m.Id > 0).Select(m => m.Id).ToList();
        _added.Clear();
        // Events:DeliverInline=false leaves every event to the sweeper (requests stay short; the reaction comes
        // within a sweep interval). It is also how the tests stand for a node that died right after the commit.
        if (ids.Count > 0 && config.GetValue("Events:DeliverInline", true))
        {
            await delivery.DeliverAsync(ids, DateTime.MaxValue, ct);
        }
    }
}

internal static class EventNames
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The record's short name: stable across namespace moves, unique because every event record is named for what happened.</summary>
    public static string Of(Type type) => type.Name;
}
