using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Points.Domain;

namespace Wenming.Web.Modules.Points.Features.Awards;

internal sealed class PointAwardConfiguration : IEntityTypeConfiguration<PointAward>
{
    public void Configure(EntityTypeBuilder<PointAward> b)
    {
        // Zero is neither an award nor a deduction, whatever code path writes it.
        b.ToTable("pts_awards", t => t.HasCheckConstraint("CK_pts_awards_Points", "\"Points\" <> 0"));
        b.HasKey(a => a.Id);
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Reason).HasMaxLength(PointAward.MaxReasonLength);
        b.Property(a => a.DecisionNote).HasMaxLength(PointAward.MaxReasonLength);
        b.Property(a => a.RevokeReason).HasMaxLength(PointAward.MaxReasonLength);
        b.Property(a => a.ProposedByLogin).HasMaxLength(64);
        b.Property(a => a.DecidedByLogin).HasMaxLength(64);
        b.Property(a => a.RevokedByLogin).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.IsDeduction);
        b.Ignore(a => a.SourceKey);
        b.Ignore(a => a.Kind);
        b.HasIndex(a => a.OrgUnitId);
        b.HasIndex(a => a.PersonId);
        // The credit job looks for approved awards whose notice has ended.
        b.HasIndex(a => new { a.Status, a.NoticeEndsAt });
    }
}

internal sealed class PointAwardEvidenceConfiguration : IEntityTypeConfiguration<PointAwardEvidence>
{
    public void Configure(EntityTypeBuilder<PointAwardEvidence> b)
    {
        b.ToTable("pts_award_evidence");
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.AwardId);
        b.HasIndex(e => e.OrgUnitId);
        b.HasIndex(e => e.FileId).IsUnique();
    }
}
