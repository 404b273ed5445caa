using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Platform.Audit;

namespace Wenming.Web.Platform.Data;

/// <summary>
/// One named value the platform keeps about its own database (plat_settings), e.g. the fingerprint of
/// the PII key the data was written with (ADR 0021). Not business data, so not audited.
/// </summary>
[NotAudited]
public sealed class PlatformSetting
{
    public const string Table = "plat_settings";

    public const int MaxNameLength = 100;
    public const int MaxValueLength = 1000;

    private PlatformSetting()
    {
    }

    public string Name { get; private set; } = "";

    public string Value { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public static PlatformSetting Create(string name, string value, DateTime nowUtc) => new() { Name = name, Value = value, UpdatedAt = nowUtc };

    public void Replace(string value, DateTime nowUtc)
    {
        Value = value;
        UpdatedAt = nowUtc;
    }
}

internal sealed class PlatformSettingConfiguration : IEntityTypeConfiguration<PlatformSetting>
{
    public void Configure(EntityTypeBuilder<PlatformSetting> b)
    {
        b.ToTable(PlatformSetting.Table);
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(PlatformSetting.MaxNameLength);
        b.Property(s => s.Value).HasMaxLength(PlatformSetting.MaxValueLength);
    }
}
