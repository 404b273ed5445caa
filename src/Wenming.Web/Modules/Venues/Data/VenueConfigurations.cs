using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Venues.Domain;

namespace Wenming.Web.Modules.Venues.Data;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.ToTable("venues");
        b.HasKey(v => v.Id);
        b.Property(v => v.OwnerName).HasMaxLength(100);
        b.Property(v => v.Name).HasMaxLength(Venue.MaxNameLength);
        b.Property(v => v.Address).HasMaxLength(Venue.MaxTextLength);
        b.Property(v => v.Facilities).HasMaxLength(Venue.MaxTextLength);
        b.HasIndex(v => new { v.CountyId, v.Name }).IsUnique();
        b.HasIndex(v => v.OrgUnitId);
    }
}

internal sealed class VenueBookingConfiguration : IEntityTypeConfiguration<VenueBooking>
{
    public void Configure(EntityTypeBuilder<VenueBooking> b)
    {
        b.ToTable("venue_bookings", t => t.HasCheckConstraint("CK_venue_bookings_Span", "\"EndsAt\" > \"StartsAt\""));
        b.HasKey(x => x.Id);
        b.Property(x => x.UnitName).HasMaxLength(100);
        b.Property(x => x.Purpose).HasMaxLength(VenueBooking.MaxPurposeLength);
        // An approval, a rejection and a cancellation each change the state from the one read: two at once, one wins.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(x => x.BookedByName).HasMaxLength(64);
        b.Property(x => x.DecidedByName).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(VenueBooking.MaxPurposeLength);
        b.Ignore(x => x.Holds);
        b.HasIndex(x => new { x.VenueId, x.StartsAt });
        b.HasIndex(x => x.OrgUnitId);
    }
}

internal sealed class VenuePhotoConfiguration : IEntityTypeConfiguration<VenuePhoto>
{
    public void Configure(EntityTypeBuilder<VenuePhoto> b)
    {
        b.ToTable("venue_photos");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.VenueId);
        b.HasIndex(p => p.FileId).IsUnique();
    }
}
