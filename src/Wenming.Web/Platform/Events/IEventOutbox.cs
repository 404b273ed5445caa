namespace Wenming.Web.Platform.Events;

/// <summary>
/// Integration events between modules through a transactional outbox (ADR 0014). A feature that changes
/// something other modules react to adds the event before it saves, so the event commits with the change,
/// and asks for delivery after the commit, so the reaction (points, say) is there when the page reloads.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Adds the event to this request's unit of work: it is written by the next SaveChanges, in its transaction.</summary>
    void Add<TEvent>(TEvent evt)
        where TEvent : class;

    /// <summary>
    /// Delivers the events this request added, after their commit. Never throws for a failing handler: the
    /// change is committed whatever happens, and the sweeper retries what failed (at least once, ADR 0014).
    /// </summary>
    Task DeliverAsync(CancellationToken ct);
}

/// <summary>
/// Reacts to one kind of event. Runs in a fresh DI scope as the system operator <c>event:{Type}</c> with
/// the whole tree in scope. Must be idempotent: an event may be delivered more than once, even at once on
/// two nodes (the points ledger's source keys make postings so).
/// </summary>
public interface IEventHandler<in TEvent>
    where TEvent : class
{
    Task HandleAsync(TEvent evt, CancellationToken ct);
}
