using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.SocialOrgs.Domain;

namespace Wenming.Web.Modules.SocialOrgs.Data;

internal sealed class SocialOrganizationConfiguration : IEntityTypeConfiguration<SocialOrganization>
{
    public void Configure(EntityTypeBuilder<SocialOrganization> b)
    {
        b.ToTable("so_organizations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.CreditCode).HasMaxLength(18);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(o => o.ServiceFields).HasMaxLength(200);
        b.Property(o => o.ContactName).HasMaxLength(50);
        b.Property(o => o.ContactPhone).HasMaxLength(20);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        // Names and credit codes are unique within a county (the tenant); NULL codes never collide.
        b.HasIndex(o => new { o.CountyId, o.Name }).IsUnique();
        b.HasIndex(o => new { o.CountyId, o.CreditCode }).IsUnique();
        b.HasIndex(o => o.OrgUnitId);
    }
}

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> b)
    {
        b.ToTable("so_pairings");
        b.HasKey(p => p.Id);
        b.Property(p => p.Content).HasMaxLength(500);
        b.Ignore(p => p.IsActive);
        // At most one active pairing per (organization, village), even under concurrent requests;
        // ended pairings stay as history and do not count. The filter is plain SQL both providers accept.
        b.HasIndex(p => new { p.SocialOrganizationId, p.OrgUnitId }).IsUnique().HasFilter("\"EndedOn\" IS NULL");
        b.HasIndex(p => p.OrgUnitId);
    }
}
