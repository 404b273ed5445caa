using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.People.Domain;

namespace Wenming.Web.Modules.People.Data;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("ppl_people");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.IdNumberCipher).HasMaxLength(200);
        b.Property(p => p.IdNumberHash).HasMaxLength(64);
        b.Property(p => p.IdNumberMasked).HasMaxLength(18);
        b.Property(p => p.Phone).HasMaxLength(11);
        b.Property(p => p.Gender).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.PoliticalStatus).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Skills).HasMaxLength(200);
        b.Property(p => p.AnonymizationReason).HasMaxLength(200);
        // One person per ID number within a county (the tenant); the hash is keyed, so it reveals nothing.
        b.HasIndex(p => new { p.CountyId, p.IdNumberHash }).IsUnique();
        b.HasIndex(p => p.OrgUnitId);
        b.HasIndex(p => p.Name);
        b.HasIndex(p => p.Phone);
        b.HasIndex(p => p.HouseholdId);
    }
}
