using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Residents' self-registrations and forgotten-password requests (issue 16, ADR 0053).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205050000_SignUp")]
public sealed class SignUp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "acct_registrations",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Name = t.Column<string>(maxLength: 50, nullable: false),
                IdNumberEncrypted = t.Column<string>(maxLength: 200, nullable: false),
                IdNumberMasked = t.Column<string>(maxLength: 18, nullable: false),
                Phone = t.Column<string>(maxLength: 20, nullable: false),
                PasswordHash = t.Column<string>(maxLength: 200, nullable: false),
                ExistingPersonId = t.Column<long>(nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                IpAddress = t.Column<string>(maxLength: 64, nullable: true),
                DecidedAt = t.Column<DateTime>(nullable: true),
                DecidedByName = t.Column<string>(maxLength: 64, nullable: true),
                Reason = t.Column<string>(maxLength: 200, nullable: true),
                UserId = t.Column<long>(nullable: true),
                PersonId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_acct_registrations", x => x.Id));
        migrationBuilder.CreateIndex("IX_acct_registrations_OrgUnitId_Status", "acct_registrations", ["OrgUnitId", "Status"]);

        migrationBuilder.CreateTable(
            name: "acct_password_resets",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                UserId = t.Column<long>(nullable: false),
                DisplayName = t.Column<string>(maxLength: 50, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                IpAddress = t.Column<string>(maxLength: 64, nullable: true),
                CodeHash = t.Column<string>(maxLength: 128, nullable: true),
                CodeExpiresAt = t.Column<DateTime>(nullable: true),
                FailedAttempts = t.Column<int>(nullable: false),
                DoneAt = t.Column<DateTime>(nullable: true),
                DoneByName = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_acct_password_resets", x => x.Id));
        migrationBuilder.CreateIndex("IX_acct_password_resets_OrgUnitId_Status", "acct_password_resets", ["OrgUnitId", "Status"]);
        migrationBuilder.CreateIndex("IX_acct_password_resets_UserId", "acct_password_resets", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("acct_password_resets");
        migrationBuilder.DropTable("acct_registrations");
    }
}
