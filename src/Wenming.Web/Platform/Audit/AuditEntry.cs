using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Audit;

/// <summary>Marks personal information: the audit log records that it changed, never its value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>Marks an entity whose writes are not audited (the audit log itself, key material).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
}

/// <summary>One write: who, when, from where, what changed. Scoped like the row it describes.</summary>
[NotAudited]
public sealed class AuditEntry : IOrgScoped
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public long? UserId { get; set; }

    public string? Login { get; set; }

    public string? IpAddress { get; set; }

    public AuditAction Action { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public long OrgUnitId { get; set; }

    /// <summary>JSON object of field → {old, new}; sensitive fields show "***".</summary>
    public string Changes { get; set; } = "{}";
}
