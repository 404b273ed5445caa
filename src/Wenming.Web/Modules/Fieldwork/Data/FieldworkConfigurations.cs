using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Fieldwork.Domain;

namespace Wenming.Web.Modules.Fieldwork.Data;

internal sealed class LeaderLinkConfiguration : IEntityTypeConfiguration<LeaderLink>
{
    public void Configure(EntityTypeBuilder<LeaderLink> b)
    {
        b.ToTable("fw_leader_links");
        b.HasKey(l => l.Id);
        b.Property(l => l.LeaderLogin).HasMaxLength(64);
        b.Property(l => l.LeaderName).HasMaxLength(LeaderLink.MaxNameLength);
        b.Property(l => l.LinkedByLogin).HasMaxLength(64);
        // A leader is linked to a unit once, however often the form is sent.
        b.HasIndex(l => new { l.LeaderUserId, l.OrgUnitId }).IsUnique();
        b.HasIndex(l => l.OrgUnitId);
    }
}

internal sealed class LeaderVisitConfiguration : IEntityTypeConfiguration<LeaderVisit>
{
    public void Configure(EntityTypeBuilder<LeaderVisit> b)
    {
        b.ToTable("fw_leader_visits");
        b.HasKey(v => v.Id);
        b.Property(v => v.LeaderLogin).HasMaxLength(64);
        b.Property(v => v.Place).HasMaxLength(LeaderVisit.MaxPlaceLength);
        b.Property(v => v.Found).HasMaxLength(LeaderVisit.MaxFoundLength);
        b.HasIndex(v => new { v.LeaderUserId, v.VisitedOn });
        b.HasIndex(v => new { v.OrgUnitId, v.VisitedOn });
    }
}

internal sealed class LeaderVisitPhotoConfiguration : IEntityTypeConfiguration<LeaderVisitPhoto>
{
    public void Configure(EntityTypeBuilder<LeaderVisitPhoto> b)
    {
        b.ToTable("fw_leader_visit_photos");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.VisitId);
        b.HasIndex(p => p.FileId).IsUnique();
    }
}

internal sealed class SiteChecklistEntryConfiguration : IEntityTypeConfiguration<SiteChecklistEntry>
{
    public void Configure(EntityTypeBuilder<SiteChecklistEntry> b)
    {
        b.ToTable("fw_site_items");
        b.HasKey(e => e.Id);
        b.Property(e => e.Item).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.Note).HasMaxLength(SiteChecklistEntry.MaxNoteLength);
        b.Property(e => e.UpdatedByLogin).HasMaxLength(64);
        b.HasIndex(e => new { e.OrgUnitId, e.Item }).IsUnique();
    }
}

internal sealed class SiteEvidencePhotoConfiguration : IEntityTypeConfiguration<SiteEvidencePhoto>
{
    public void Configure(EntityTypeBuilder<SiteEvidencePhoto> b)
    {
        b.ToTable("fw_site_photos");
        b.HasKey(p => p.Id);
        b.Property(p => p.Item).HasConversion<string>().HasMaxLength(24);
        b.HasIndex(p => new { p.OrgUnitId, p.Item });
        b.HasIndex(p => p.FileId).IsUnique();
    }
}

internal sealed class SiteInspectionConfiguration : IEntityTypeConfiguration<SiteInspection>
{
    public void Configure(EntityTypeBuilder<SiteInspection> b)
    {
        b.ToTable("fw_site_inspections");
        b.HasKey(i => i.Id);
        b.Property(i => i.ByLogin).HasMaxLength(64);
        b.Property(i => i.Note).HasMaxLength(SiteInspection.MaxNoteLength);
        b.HasIndex(i => new { i.OrgUnitId, i.InspectedOn });
    }
}

internal sealed class SiteInspectionScoreConfiguration : IEntityTypeConfiguration<SiteInspectionScore>
{
    public void Configure(EntityTypeBuilder<SiteInspectionScore> b)
    {
        b.ToTable("fw_site_scores");
        b.HasKey(s => s.Id);
        b.Property(s => s.Item).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Note).HasMaxLength(SiteInspectionScore.MaxNoteLength);
        b.HasIndex(s => new { s.InspectionId, s.Item }).IsUnique();
    }
}
