using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Platform.Audit;

namespace Wenming.Web.Platform.Events;

/// <summary>
/// One integration event waiting for (or past) delivery (plat_outbox, ADR 0014). Written in the same
/// SaveChanges as the change it announces, so the event exists exactly when the change does. Not audited:
/// the change itself is audited, and delivery bookkeeping is not business data.
/// </summary>
[NotAudited]
public sealed class OutboxMessage
{
    public const int MaxTypeLength = 100;
    public const int MaxErrorLength = 1000;

    private OutboxMessage()
    {
    }

    public long Id { get; private set; }

    /// <summary>The event's type name (the C# record's name), which picks the handlers.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The event as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>Set once every handler has run without error; only by a conditional UPDATE (WHERE DeliveredAt IS NULL).</summary>
    public DateTime? DeliveredAt { get; private set; }

    /// <summary>Failed deliveries so far.</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Not before this time will a sweep try the row again (backoff after a failure); null = at once.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>
    /// Set when the row failed <c>Events:MaxAttempts</c> times: a dead letter, no longer swept, shown to
    /// system admins (ops/dead-letters) until one retries it (ADR 0022).
    /// </summary>
    public DateTime? DeadAt { get; private set; }

    public static OutboxMessage Create(string type, string payload, DateTime nowUtc) =>
        new() { Type = type, Payload = payload, CreatedAt = nowUtc };
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("plat_outbox");
        b.Property(m => m.Type).HasMaxLength(OutboxMessage.MaxTypeLength);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);

        // The sweeper asks for "not delivered yet, oldest first"; both providers answer IS NULL from this index.
        b.HasIndex(m => new { m.DeliveredAt, m.Id });
        b.HasIndex(m => m.DeadAt);
    }
}
