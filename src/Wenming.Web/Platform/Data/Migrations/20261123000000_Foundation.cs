using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// The foundation schema: org tree, people, accounts, audit log, data-protection keys.
/// Hand-written (no EF design tools here) and provider-neutral: columns carry CLR types and
/// lengths, not store types, and identity keys carry both providers' annotations (ADR 0002).
/// SchemaMatchesModelTests proves it equals what the model expects on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123000000_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "org_units",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ParentId = t.Column<long>(nullable: true),
                Level = t.Column<string>(maxLength: 16, nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                DivisionCode = t.Column<string>(maxLength: 12, nullable: true),
                Path = t.Column<string>(maxLength: 400, nullable: false),
                CountyId = t.Column<long>(nullable: true),
                Address = t.Column<string>(maxLength: 200, nullable: true),
                Latitude = t.Column<double>(nullable: true),
                Longitude = t.Column<double>(nullable: true),
                ContactName = t.Column<string>(maxLength: 50, nullable: true),
                ContactPhone = t.Column<string>(maxLength: 20, nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_org_units", x => x.Id);
                t.ForeignKey("FK_org_units_org_units_ParentId", x => x.ParentId, "org_units", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_org_units_CountyId", "org_units", "CountyId");
        migrationBuilder.CreateIndex("IX_org_units_DivisionCode", "org_units", "DivisionCode", unique: true);
        migrationBuilder.CreateIndex("IX_org_units_ParentId", "org_units", "ParentId");
        migrationBuilder.CreateIndex("IX_org_units_Path", "org_units", "Path")
            .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });

        migrationBuilder.CreateTable(
            name: "ppl_people",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Name = t.Column<string>(maxLength: 50, nullable: false),
                IdNumberCipher = t.Column<string>(maxLength: 200, nullable: false),
                IdNumberHash = t.Column<string>(maxLength: 64, nullable: false),
                IdNumberMasked = t.Column<string>(maxLength: 18, nullable: false),
                Gender = t.Column<string>(maxLength: 8, nullable: false),
                BirthDate = t.Column<DateOnly>(nullable: false),
                Phone = t.Column<string>(maxLength: 11, nullable: false),
                HouseholdId = t.Column<long>(nullable: true),
                PoliticalStatus = t.Column<string>(maxLength: 32, nullable: false),
                Skills = t.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ppl_people", x => x.Id));
        migrationBuilder.CreateIndex("IX_ppl_people_CountyId_IdNumberHash", "ppl_people", ["CountyId", "IdNumberHash"], unique: true);
        migrationBuilder.CreateIndex("IX_ppl_people_Name", "ppl_people", "Name");
        migrationBuilder.CreateIndex("IX_ppl_people_OrgUnitId", "ppl_people", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_ppl_people_Phone", "ppl_people", "Phone");

        migrationBuilder.CreateTable(
            name: "acct_users",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                DisplayName = t.Column<string>(maxLength: 50, nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: true),
                PersonId = t.Column<long>(nullable: true),
                IsActive = t.Column<bool>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                RoleList = t.Column<string>(maxLength: 200, nullable: false),
                PasswordHash = t.Column<string>(nullable: true),
                SecurityStamp = t.Column<string>(nullable: true),
                PhoneNumber = t.Column<string>(nullable: true),
                UserName = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
                Email = t.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = t.Column<bool>(nullable: false),
                ConcurrencyStamp = t.Column<string>(nullable: true),
                PhoneNumberConfirmed = t.Column<bool>(nullable: false),
                TwoFactorEnabled = t.Column<bool>(nullable: false),
                LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = t.Column<bool>(nullable: false),
                AccessFailedCount = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_acct_users", x => x.Id));
        migrationBuilder.CreateIndex("EmailIndex", "acct_users", "NormalizedEmail");
        migrationBuilder.CreateIndex("IX_acct_users_OrgUnitId", "acct_users", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_acct_users_PersonId", "acct_users", "PersonId");
        migrationBuilder.CreateIndex("UserNameIndex", "acct_users", "NormalizedUserName", unique: true);

        migrationBuilder.CreateTable(
            name: "acct_user_claims",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false).Identity(),
                UserId = t.Column<long>(nullable: false),
                ClaimType = t.Column<string>(nullable: true),
                ClaimValue = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_acct_user_claims", x => x.Id);
                t.ForeignKey("FK_acct_user_claims_acct_users_UserId", x => x.UserId, "acct_users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_acct_user_claims_UserId", "acct_user_claims", "UserId");

        migrationBuilder.CreateTable(
            name: "acct_user_logins",
            columns: t => new
            {
                LoginProvider = t.Column<string>(nullable: false),
                ProviderKey = t.Column<string>(nullable: false),
                ProviderDisplayName = t.Column<string>(nullable: true),
                UserId = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_acct_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                t.ForeignKey("FK_acct_user_logins_acct_users_UserId", x => x.UserId, "acct_users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_acct_user_logins_UserId", "acct_user_logins", "UserId");

        migrationBuilder.CreateTable(
            name: "acct_user_tokens",
            columns: t => new
            {
                UserId = t.Column<long>(nullable: false),
                LoginProvider = t.Column<string>(nullable: false),
                Name = t.Column<string>(nullable: false),
                Value = t.Column<string>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_acct_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                t.ForeignKey("FK_acct_user_tokens_acct_users_UserId", x => x.UserId, "acct_users", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "plat_audit_entries",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                At = t.Column<DateTime>(nullable: false),
                UserId = t.Column<long>(nullable: true),
                Login = t.Column<string>(maxLength: 256, nullable: true),
                IpAddress = t.Column<string>(maxLength: 64, nullable: true),
                Action = t.Column<string>(maxLength: 16, nullable: false),
                EntityType = t.Column<string>(maxLength: 100, nullable: false),
                EntityId = t.Column<string>(maxLength: 100, nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Changes = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_plat_audit_entries", x => x.Id));
        migrationBuilder.CreateIndex("IX_plat_audit_entries_At", "plat_audit_entries", "At");
        migrationBuilder.CreateIndex("IX_plat_audit_entries_OrgUnitId_At", "plat_audit_entries", ["OrgUnitId", "At"]);

        migrationBuilder.CreateTable(
            name: "plat_data_protection_keys",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                FriendlyName = t.Column<string>(nullable: true),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_plat_data_protection_keys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "plat_data_protection_keys", "plat_audit_entries", "acct_user_tokens", "acct_user_logins", "acct_user_claims", "acct_users", "ppl_people", "org_units" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
