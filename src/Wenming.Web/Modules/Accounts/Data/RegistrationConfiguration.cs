using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Accounts.Domain;

namespace Wenming.Web.Modules.Accounts.Data;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.ToTable("acct_registrations");
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(50);
        b.Property(r => r.IdNumberEncrypted).HasMaxLength(200);
        b.Property(r => r.IdNumberMasked).HasMaxLength(18);
        b.Property(r => r.Phone).HasMaxLength(20);
        b.Property(r => r.PasswordHash).HasMaxLength(200);
        // A confirmation and a rejection at once: both read Pending, one wins.
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(r => r.IpAddress).HasMaxLength(64);
        b.Property(r => r.DecidedByName).HasMaxLength(64);
        b.Property(r => r.Reason).HasMaxLength(Registration.MaxReasonLength);
        b.HasIndex(r => new { r.OrgUnitId, r.Status });
    }
}

internal sealed class PasswordResetRequestConfiguration : IEntityTypeConfiguration<PasswordResetRequest>
{
    public void Configure(EntityTypeBuilder<PasswordResetRequest> b)
    {
        b.ToTable("acct_password_resets");
        b.HasKey(r => r.Id);
        b.Property(r => r.DisplayName).HasMaxLength(50);
        // A code used twice at once, or a code and the station's reset: both read Open, one wins.
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(r => r.IpAddress).HasMaxLength(64);
        b.Property(r => r.CodeHash).HasMaxLength(128);
        b.Property(r => r.DoneByName).HasMaxLength(64);
        b.HasIndex(r => new { r.OrgUnitId, r.Status });
        b.HasIndex(r => r.UserId);
    }
}
