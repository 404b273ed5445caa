using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Supervision.Domain;

namespace Wenming.Web.Modules.Supervision.Data;

internal sealed class SupervisionTaskConfiguration : IEntityTypeConfiguration<SupervisionTask>
{
    public void Configure(EntityTypeBuilder<SupervisionTask> b)
    {
        b.ToTable("sup_tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Title).HasMaxLength(SupervisionTask.MaxTitleLength);
        b.Property(t => t.Description).HasMaxLength(SupervisionTask.MaxDescriptionLength);
        b.Property(t => t.AssignedByLogin).HasMaxLength(64);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsOpen);
        b.Ignore(t => t.AwaitsClaim);
        b.Property(t => t.FirstHandlerLogin).HasMaxLength(64);
        b.HasIndex(t => new { t.OrgUnitId, t.Status });
        // One item per overdue order, whichever node's job gets there first (several NULLs are allowed on both databases).
        b.HasIndex(t => t.SourceOrderId).IsUnique();
    }
}

internal sealed class SupervisionEntryConfiguration : IEntityTypeConfiguration<SupervisionEntry>
{
    public void Configure(EntityTypeBuilder<SupervisionEntry> b)
    {
        b.ToTable("sup_task_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Note).HasMaxLength(SupervisionTask.MaxNoteLength);
        b.Property(e => e.ByLogin).HasMaxLength(64);
        b.HasIndex(e => e.TaskId);
        b.HasIndex(e => e.OrgUnitId);
    }
}

internal sealed class InfoReportConfiguration : IEntityTypeConfiguration<InfoReport>
{
    public void Configure(EntityTypeBuilder<InfoReport> b)
    {
        b.ToTable("sup_info_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Category).HasMaxLength(ReportCategory.MaxCodeLength);
        b.Property(r => r.Title).HasMaxLength(InfoReport.MaxTitleLength);
        b.Property(r => r.Body).HasMaxLength(InfoReport.MaxBodyLength);
        b.Property(r => r.FollowUp).HasMaxLength(InfoReport.MaxFollowUpLength);
        b.Property(r => r.ReportedByLogin).HasMaxLength(64);
        b.Property(r => r.ReadByLogin).HasMaxLength(64);
        b.Property(r => r.FollowUpByLogin).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.IsRead);
        b.HasIndex(r => new { r.OrgUnitId, r.ReportedAt });
        b.HasIndex(r => new { r.ToUnitId, r.ReadAt });
    }
}

internal sealed class InfoReportAttachmentConfiguration : IEntityTypeConfiguration<InfoReportAttachment>
{
    public void Configure(EntityTypeBuilder<InfoReportAttachment> b)
    {
        b.ToTable("sup_info_report_files");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.ReportId);
        b.HasIndex(a => a.FileId).IsUnique();
    }
}

internal sealed class ReportCategoryConfiguration : IEntityTypeConfiguration<ReportCategory>
{
    public void Configure(EntityTypeBuilder<ReportCategory> b)
    {
        b.ToTable("sup_report_categories");
        b.HasKey(c => c.Id);
        b.Property(c => c.Code).HasMaxLength(ReportCategory.MaxCodeLength);
        b.Property(c => c.Name).HasMaxLength(ReportCategory.MaxNameLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        // One code per county: the defaults seeded by the migration and lazily for a new county never double.
        b.HasIndex(c => new { c.CountyId, c.Code }).IsUnique();
    }
}
