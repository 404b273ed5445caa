using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Activities.Domain;

namespace Wenming.Web.Modules.Activities.Data;

/// <summary>
/// The archive's column on the activity (a second configuration of the entity, kept with the archive's).
/// Its default (false) is in the model because the migration had to give existing rows one.
/// </summary>
internal sealed class ActivityArchiveFlagConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b) => b.Property(a => a.ArchiveComplete).HasDefaultValue(false);
}

internal sealed class ChecklistEntryConfiguration : IEntityTypeConfiguration<ChecklistEntry>
{
    public void Configure(EntityTypeBuilder<ChecklistEntry> b)
    {
        b.ToTable("act_checklist_steps");
        b.HasKey(c => c.Id);
        b.Property(c => c.Step).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Note).HasMaxLength(ChecklistEntry.MaxNoteLength);
        // One row per step of an activity: a double tick updates, never duplicates.
        b.HasIndex(c => new { c.ActivityId, c.Step }).IsUnique();
        b.HasIndex(c => c.OrgUnitId);
    }
}

internal sealed class ActivityAttachmentConfiguration : IEntityTypeConfiguration<ActivityAttachment>
{
    public void Configure(EntityTypeBuilder<ActivityAttachment> b)
    {
        b.ToTable("act_attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Caption).HasMaxLength(ActivityAttachment.MaxCaptionLength);
        b.HasIndex(a => a.ActivityId);
        b.HasIndex(a => a.OrgUnitId);
        b.HasIndex(a => a.FileId).IsUnique();
    }
}
