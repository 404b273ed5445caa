using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Volunteers.Domain;

namespace Wenming.Web.Modules.Volunteers.Data;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("vol_certificates");
        b.HasKey(c => c.Id);
        b.Property(c => c.CertificateNumber).HasMaxLength(16);
        b.Property(c => c.VerificationCode).HasMaxLength(32);
        b.Property(c => c.HolderNameMasked).HasMaxLength(50);
        b.Property(c => c.VolunteerNumber).HasMaxLength(12);
        b.Property(c => c.IssuerName).HasMaxLength(100);
        b.Property(c => c.HandlerName).HasMaxLength(100);
        b.HasIndex(c => c.CertificateNumber).IsUnique();
        b.HasIndex(c => c.VerificationCode).IsUnique();
        b.HasIndex(c => new { c.VolunteerId, c.IssuedAt });
        b.HasIndex(c => c.OrgUnitId);
    }
}

internal sealed class CertificateNumberCounterConfiguration : IEntityTypeConfiguration<CertificateNumberCounter>
{
    public void Configure(EntityTypeBuilder<CertificateNumberCounter> b)
    {
        b.ToTable("vol_certificate_counters");
        b.HasKey(c => new { c.CountyId, c.Year });
    }
}
