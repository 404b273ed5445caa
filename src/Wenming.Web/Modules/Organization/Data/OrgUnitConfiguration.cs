using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Organization.Domain;
using Wenming.Web.Platform.Data;

namespace Wenming.Web.Modules.Organization.Data;

/// <summary>The org tree as <c>db.OrgUnits</c>, for the Organization module only: the platform's context names no module type.</summary>
public static class OrganizationData
{
    extension(AppDbContext db)
    {
        public DbSet<OrgUnit> OrgUnits => db.Set<OrgUnit>();
    }
}

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_units");
        b.HasKey(u => u.Id);
        b.Property(u => u.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(u => u.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.DivisionCode).HasMaxLength(12);
        b.Property(u => u.Path).HasMaxLength(400);
        b.Property(u => u.Address).HasMaxLength(200);
        b.Property(u => u.ContactName).HasMaxLength(50);
        b.Property(u => u.ContactPhone).HasMaxLength(20);
        b.HasIndex(u => u.DivisionCode).IsUnique();
        // Subtree queries are ordinal ranges on the path (the scope filter, ADR 0032); on PostgreSQL the platform
        // gives the column the "C" collation, so this plain index serves ranges and prefix LIKEs alike.
        b.HasIndex(u => u.Path);
        b.HasIndex(u => u.ParentId);
        b.HasIndex(u => u.CountyId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
