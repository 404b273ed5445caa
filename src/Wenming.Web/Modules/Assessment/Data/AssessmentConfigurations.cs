using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Assessment.Domain;

namespace Wenming.Web.Modules.Assessment.Data;

internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> b)
    {
        b.ToTable("asm_schemes");
        b.HasKey(s => s.Id);
        b.Property(s => s.Period).HasMaxLength(7);
        b.Property(s => s.Level).HasMaxLength(16);
        b.Property(s => s.Indicators).HasMaxLength(400);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.CreatedByLogin).HasMaxLength(64);
        b.Property(s => s.ReviewedByLogin).HasMaxLength(64);
        b.Property(s => s.PublishedByLogin).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Weights);
        b.HasIndex(s => new { s.OrgUnitId, s.Period });
    }
}

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        b.ToTable("asm_results");
        b.HasKey(r => r.Id);
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.Level).HasMaxLength(16);
        b.Property(r => r.Score).HasPrecision(9, 2);
        b.Property(r => r.Parts).HasMaxLength(4000);
        b.HasIndex(r => r.SchemeId);
        b.HasIndex(r => new { r.OrgUnitId, r.PublishedAt });
    }
}

internal sealed class AssessmentManualScoreConfiguration : IEntityTypeConfiguration<AssessmentManualScore>
{
    public void Configure(EntityTypeBuilder<AssessmentManualScore> b)
    {
        b.ToTable("asm_manual_scores");
        b.HasKey(m => m.Id);
        b.Property(m => m.Score).HasPrecision(9, 2);
        b.Property(m => m.Evidence).HasMaxLength(AssessmentManualScore.MaxEvidenceLength);
        b.Property(m => m.ByLogin).HasMaxLength(64);
        b.HasIndex(m => new { m.SchemeId, m.OrgUnitId });
    }
}

internal sealed class AssessmentManualScorePhotoConfiguration : IEntityTypeConfiguration<AssessmentManualScorePhoto>
{
    public void Configure(EntityTypeBuilder<AssessmentManualScorePhoto> b)
    {
        b.ToTable("asm_manual_score_photos");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.ScoreId);
        b.HasIndex(p => p.FileId).IsUnique();
    }
}
