using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Calendar.Domain;

namespace Wenming.Web.Modules.Calendar.Data;

internal sealed class CountyDateConfiguration : IEntityTypeConfiguration<CountyDate>
{
    public void Configure(EntityTypeBuilder<CountyDate> b)
    {
        b.ToTable("calendar_county_dates");
        b.HasKey(d => d.Id);
        b.Property(d => d.UnitName).HasMaxLength(100);
        b.Property(d => d.Name).HasMaxLength(CountyDate.MaxNameLength);
        b.Property(d => d.Note).HasMaxLength(CountyDate.MaxNoteLength);
        // One entry per name and date in a county: a second is a duplicate, also when two are sent at once.
        b.HasIndex(d => new { d.CountyId, d.Date, d.Name }).IsUnique();
        b.HasIndex(d => d.OrgUnitId);
    }
}
