using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Data;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<AppUser>
{
    // The Identity model (schema version 1) that IdentityUserContext used to build, spelled out here so that the
    // platform's context names no module type (ADR 0027); SchemaMatchesModelTests holds it to the migrations.
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("acct_users");
        b.HasKey(u => u.Id);
        b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
        b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");
        b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(u => u.UserName).HasMaxLength(256);
        b.Property(u => u.NormalizedUserName).HasMaxLength(256);
        b.Property(u => u.Email).HasMaxLength(256);
        b.Property(u => u.NormalizedEmail).HasMaxLength(256);
        b.HasMany<IdentityUserClaim<long>>().WithOne().HasForeignKey(c => c.UserId).IsRequired();
        b.HasMany<IdentityUserLogin<long>>().WithOne().HasForeignKey(l => l.UserId).IsRequired();
        b.HasMany<IdentityUserToken<long>>().WithOne().HasForeignKey(t => t.UserId).IsRequired();
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.RoleList).HasMaxLength(200);
        b.Ignore(u => u.Roles);
        b.HasIndex(u => u.OrgUnitId);
        b.HasIndex(u => u.PersonId);
    }
}

/// <summary>The Identity users as <c>db.Users</c>, which the platform's context no longer declares.</summary>
public static class AccountsData
{
    extension(AppDbContext db)
    {
        public DbSet<AppUser> Users => db.Set<AppUser>();
    }
}

internal sealed class AccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<long>> b)
    {
        b.ToTable("acct_user_claims");
        b.HasKey(c => c.Id);
    }
}

internal sealed class AccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<long>> b)
    {
        b.ToTable("acct_user_logins");
        b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<long>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<long>> b)
    {
        b.ToTable("acct_user_tokens");
        b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
    }
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
