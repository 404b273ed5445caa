using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Volunteers (registration, approval, numbers) and volunteer teams. Hand-written and
/// provider-neutral like <see cref="Foundation"/>; SchemaMatchesModelTests checks it on both providers.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123010000_Volunteers")]
public sealed class Volunteers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "vol_volunteers",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                PersonId = t.Column<long>(nullable: false),
                VolunteerNumber = t.Column<string>(maxLength: 12, nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                Skills = t.Column<string>(maxLength: 200, nullable: true),
                ServiceAreas = t.Column<string>(maxLength: 200, nullable: true),
                Availability = t.Column<string>(maxLength: 200, nullable: true),
                GuardianName = t.Column<string>(maxLength: 50, nullable: true),
                GuardianRelation = t.Column<string>(maxLength: 20, nullable: true),
                GuardianPhone = t.Column<string>(maxLength: 11, nullable: true),
                GuardianConsentAt = t.Column<DateTime>(nullable: true),
                RejectReason = t.Column<string>(maxLength: 200, nullable: true),
                AppliedAt = t.Column<DateTime>(nullable: false),
                ReviewedAt = t.Column<DateTime>(nullable: true),
                ReviewedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_vol_volunteers", x => x.Id));
        migrationBuilder.CreateIndex("IX_vol_volunteers_OrgUnitId", "vol_volunteers", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_vol_volunteers_PersonId", "vol_volunteers", "PersonId", unique: true);
        migrationBuilder.CreateIndex("IX_vol_volunteers_Status", "vol_volunteers", "Status");
        migrationBuilder.CreateIndex("IX_vol_volunteers_VolunteerNumber", "vol_volunteers", "VolunteerNumber", unique: true);

        migrationBuilder.CreateTable(
            name: "vol_number_counters",
            columns: t => new
            {
                CountyId = t.Column<long>(nullable: false),
                LastSequence = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_vol_number_counters", x => x.CountyId));

        migrationBuilder.CreateTable(
            name: "vol_teams",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Category = t.Column<string>(maxLength: 32, nullable: false),
                LeaderVolunteerId = t.Column<long>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_vol_teams", x => x.Id));
        migrationBuilder.CreateIndex("IX_vol_teams_LeaderVolunteerId", "vol_teams", "LeaderVolunteerId");
        migrationBuilder.CreateIndex("IX_vol_teams_OrgUnitId", "vol_teams", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "vol_team_members",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                TeamId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                VolunteerId = t.Column<long>(nullable: false),
                JoinedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_vol_team_members", x => x.Id));
        migrationBuilder.CreateIndex("IX_vol_team_members_OrgUnitId", "vol_team_members", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_vol_team_members_TeamId_VolunteerId", "vol_team_members", ["TeamId", "VolunteerId"], unique: true);
        migrationBuilder.CreateIndex("IX_vol_team_members_VolunteerId", "vol_team_members", "VolunteerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("vol_team_members");
        migrationBuilder.DropTable("vol_teams");
        migrationBuilder.DropTable("vol_number_counters");
        migrationBuilder.DropTable("vol_volunteers");
    }
}
