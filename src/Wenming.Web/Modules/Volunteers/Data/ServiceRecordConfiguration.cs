using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Volunteers.Domain;

namespace Wenming.Web.Modules.Volunteers.Data;

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.ToTable("vol_service_records");
        b.HasKey(r => r.Id);
        b.Property(r => r.SourceKind).HasConversion<string>().HasMaxLength(16);
        // The status is the concurrency token: two admins deciding the same record at once cannot both win.
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(r => r.Place).HasMaxLength(100);
        b.Property(r => r.Content).HasMaxLength(500);
        b.Property(r => r.Reason).HasMaxLength(200);
        // A source records a volunteer once (NULL source ids, manual records and reversals, never collide).
        b.HasIndex(r => new { r.SourceKind, r.SourceId, r.VolunteerId }).IsUnique();
        // A confirmed record is reversed at most once, even by two admins at the same moment.
        b.HasIndex(r => r.ReversesRecordId).IsUnique();
        b.HasIndex(r => new { r.VolunteerId, r.ServiceDate });
        b.HasIndex(r => new { r.OrgUnitId, r.ServiceDate });
    }
}
