using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Rotating, hashed refresh tokens in families, and the per-(account, address) sign-in throttle (ADR 0019).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202080000_SignInHardening")]
public sealed class SignInHardening : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "acct_refresh_tokens",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                UserId = t.Column<long>(nullable: false),
                FamilyId = t.Column<Guid>(nullable: false),
                ParentId = t.Column<long>(nullable: true),
                TokenHash = t.Column<string>(maxLength: 64, nullable: false),
                SecurityStamp = t.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ExpiresAt = t.Column<DateTime>(nullable: false),
                UsedAt = t.Column<DateTime>(nullable: true),
                RevokedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_acct_refresh_tokens", x => x.Id));
        migrationBuilder.CreateIndex("IX_acct_refresh_tokens_TokenHash", "acct_refresh_tokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_acct_refresh_tokens_FamilyId", "acct_refresh_tokens", "FamilyId");
        migrationBuilder.CreateIndex("IX_acct_refresh_tokens_ExpiresAt", "acct_refresh_tokens", "ExpiresAt");

        migrationBuilder.CreateTable(
            name: "acct_sign_in_throttle",
            columns: t => new
            {
                AccountKey = t.Column<string>(maxLength: 80, nullable: false),
                Address = t.Column<string>(maxLength: 64, nullable: false),
                Failures = t.Column<int>(nullable: false),
                LastFailureAt = t.Column<DateTime>(nullable: false),
                WaitUntil = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_acct_sign_in_throttle", x => new { x.AccountKey, x.Address }));
        migrationBuilder.CreateIndex("IX_acct_sign_in_throttle_LastFailureAt", "acct_sign_in_throttle", "LastFailureAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("acct_sign_in_throttle");
        migrationBuilder.DropTable("acct_refresh_tokens");
    }
}
