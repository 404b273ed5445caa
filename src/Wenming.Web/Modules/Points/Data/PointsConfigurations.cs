using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Points.Domain;

namespace Wenming.Web.Modules.Points.Data;

internal sealed class PointAccountConfiguration : IEntityTypeConfiguration<PointAccount>
{
    public void Configure(EntityTypeBuilder<PointAccount> b)
    {
        // The database refuses a negative balance too, whatever code path writes it.
        b.ToTable("pts_accounts", t => t.HasCheckConstraint("CK_pts_accounts_Balance", "\"Balance\" >= 0"));
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.PersonId).IsUnique();
        b.HasIndex(a => a.OrgUnitId);
    }
}

internal sealed class PointTransactionConfiguration : IEntityTypeConfiguration<PointTransaction>
{
    public void Configure(EntityTypeBuilder<PointTransaction> b)
    {
        b.ToTable("pts_transactions");
        b.HasKey(t => t.Id);
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(t => t.SourceKey).HasMaxLength(100);
        b.Property(t => t.Reason).HasMaxLength(200);
        b.Property(t => t.ByName).HasMaxLength(64);
        // A source pays once per person, even if its event is delivered twice.
        b.HasIndex(t => new { t.PersonId, t.SourceKey }).IsUnique();
        b.HasIndex(t => t.OrgUnitId);
        // The statistics' roll-up flush recomputes one day of a few units (ADR 0061, 0064): one range per unit.
        b.HasIndex(t => new { t.OrgUnitId, t.At });
        b.HasIndex(t => t.ReversesTransactionId).IsUnique();
    }
}

internal sealed class PointRuleSetConfiguration : IEntityTypeConfiguration<PointRuleSet>
{
    public void Configure(EntityTypeBuilder<PointRuleSet> b)
    {
        b.ToTable("pts_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.StarThresholds).HasMaxLength(64);
        b.HasIndex(r => r.OrgUnitId).IsUnique();
        b.HasIndex(r => r.CountyId);
    }
}
