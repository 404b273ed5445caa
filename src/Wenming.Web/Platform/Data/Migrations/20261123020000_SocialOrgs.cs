using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Social organizations and their pairings with villages (so_ tables). Hand-written and
/// provider-neutral like <see cref="Foundation"/>; SchemaMatchesModelTests checks it on both providers.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123020000_SocialOrgs")]
public sealed class SocialOrgs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "so_organizations",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                CreditCode = t.Column<string>(maxLength: 18, nullable: true),
                Kind = t.Column<string>(maxLength: 32, nullable: false),
                ServiceFields = t.Column<string>(maxLength: 200, nullable: true),
                ContactName = t.Column<string>(maxLength: 50, nullable: true),
                ContactPhone = t.Column<string>(maxLength: 20, nullable: true),
                Address = t.Column<string>(maxLength: 200, nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                IsFederationMember = t.Column<bool>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_so_organizations", x => x.Id));
        migrationBuilder.CreateIndex("IX_so_organizations_CountyId_CreditCode", "so_organizations", ["CountyId", "CreditCode"], unique: true);
        migrationBuilder.CreateIndex("IX_so_organizations_CountyId_Name", "so_organizations", ["CountyId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_so_organizations_OrgUnitId", "so_organizations", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "so_pairings",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                SocialOrganizationId = t.Column<long>(nullable: false),
                StartedOn = t.Column<DateOnly>(nullable: false),
                EndedOn = t.Column<DateOnly>(nullable: true),
                Content = t.Column<string>(maxLength: 500, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_so_pairings", x => x.Id));
        migrationBuilder.CreateIndex("IX_so_pairings_OrgUnitId", "so_pairings", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_so_pairings_SocialOrganizationId_OrgUnitId", "so_pairings", ["SocialOrganizationId", "OrgUnitId"], unique: true, filter: "\"EndedOn\" IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("so_pairings");
        migrationBuilder.DropTable("so_organizations");
    }
}
