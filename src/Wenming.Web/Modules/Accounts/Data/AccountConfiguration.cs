using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Accounts.Domain;

namespace Wenming.Web.Modules.Accounts.Data;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("acct_users");
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.RoleList).HasMaxLength(200);
        b.Ignore(u => u.Roles);
        b.HasIndex(u => u.OrgUnitId);
        b.HasIndex(u => u.PersonId);
    }
}

internal sealed class AccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<long>> b) => b.ToTable("acct_user_claims");
}

internal sealed class AccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<long>> b) => b.ToTable("acct_user_logins");
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<long>> b) => b.ToTable("acct_user_tokens");
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> b)
    {
        b.ToTable("acct_refresh_tokens");
        b.Property(t => t.TokenHash).HasMaxLength(RefreshToken.HashLength);
        b.Property(t => t.SecurityStamp).HasMaxLength(RefreshToken.StampLength);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.FamilyId);
        b.HasIndex(t => t.ExpiresAt);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottleEntry>
{
    public void Configure(EntityTypeBuilder<SignInThrottleEntry> b)
    {
        b.ToTable("acct_sign_in_throttle");
        b.HasKey(e => new { e.AccountKey, e.Address });
        b.Property(e => e.AccountKey).HasMaxLength(SignInThrottleEntry.KeyLength);
        b.Property(e => e.Address).HasMaxLength(SignInThrottleEntry.AddressLength);
        b.HasIndex(e => e.LastFailureAt);
    }
}
