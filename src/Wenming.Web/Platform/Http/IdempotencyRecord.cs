using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Platform.Audit;

namespace Wenming.Web.Platform.Http;

/// <summary>
/// One <c>Idempotency-Key</c> of one account: first a claim (<see cref="Status"/> null, the request is
/// running), then the stored answer. The primary key (UserId, Key) is what lets exactly one of several
/// simultaneous requests run, on any number of web nodes. Not audited: it is a cache of answers, not a
/// change of business data, and the change it answered is audited by itself.
/// </summary>
[NotAudited]
public sealed class IdempotencyRecord
{
    public long UserId { get; set; }

    public string Key { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    /// <summary>Null while the first request runs.</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("plat_idempotency_keys");
        b.HasKey(r => new { r.UserId, r.Key });
        b.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxLength);
        b.Property(r => r.Fingerprint).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(500);
        b.HasIndex(r => r.ExpiresAt);
    }
}
