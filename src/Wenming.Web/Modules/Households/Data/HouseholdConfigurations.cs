using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Households.Domain;

namespace Wenming.Web.Modules.Households.Data;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("hh_households");
        b.HasKey(h => h.Id);
        b.Property(h => h.Address).HasMaxLength(Household.MaxAddressLength);
        b.Property(h => h.Tags).HasMaxLength(200);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.Ignore(h => h.TagList);
        b.HasIndex(h => h.OrgUnitId);
        b.HasIndex(h => h.ContactPersonId);
    }
}

internal sealed class HouseholdEventConfiguration : IEntityTypeConfiguration<HouseholdEvent>
{
    public void Configure(EntityTypeBuilder<HouseholdEvent> b)
    {
        b.ToTable("hh_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Period).HasMaxLength(7);
        b.Property(e => e.Description).HasMaxLength(HouseholdEvent.MaxDescriptionLength);
        b.Property(e => e.CreatedByLogin).HasMaxLength(64);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.WasVisitedLate);
        b.HasIndex(e => new { e.OrgUnitId, e.Status, e.DueAt });
        // One monthly visit event per household, kind and month, whichever of the job or a person makes it first (NULL periods repeat freely).
        b.HasIndex(e => new { e.HouseholdId, e.Kind, e.Period }).IsUnique();
    }
}

internal sealed class HouseholdVisitConfiguration : IEntityTypeConfiguration<HouseholdVisit>
{
    public void Configure(EntityTypeBuilder<HouseholdVisit> b)
    {
        b.ToTable("hh_visits");
        b.HasKey(v => v.Id);
        b.Property(v => v.Note).HasMaxLength(HouseholdVisit.MaxNoteLength);
        b.Property(v => v.ByLogin).HasMaxLength(64);
        b.HasIndex(v => v.EventId);
    }
}

internal sealed class HouseholdVisitPhotoConfiguration : IEntityTypeConfiguration<HouseholdVisitPhoto>
{
    public void Configure(EntityTypeBuilder<HouseholdVisitPhoto> b)
    {
        b.ToTable("hh_visit_photos");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.VisitId);
        b.HasIndex(p => p.EventId);
        b.HasIndex(p => p.FileId).IsUnique();
    }
}
