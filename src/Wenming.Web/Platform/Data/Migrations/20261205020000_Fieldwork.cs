using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>包镇联村 links and visits with photos, and the site standard's checklist, evidence photos and inspections (fw_*), issue 13.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205020000_Fieldwork")]
public sealed class Fieldwork : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "fw_leader_links",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                LeaderUserId = t.Column<long>(nullable: false),
                LeaderLogin = t.Column<string>(maxLength: 64, nullable: false),
                LeaderName = t.Column<string>(maxLength: 64, nullable: false),
                LinkedOn = t.Column<DateOnly>(nullable: false),
                LinkedByLogin = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_fw_leader_links", x => x.Id));
        migrationBuilder.CreateIndex("IX_fw_leader_links_LeaderUserId_OrgUnitId", "fw_leader_links", ["LeaderUserId", "OrgUnitId"], unique: true);
        migrationBuilder.CreateIndex("IX_fw_leader_links_OrgUnitId", "fw_leader_links", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "fw_leader_visits",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                LeaderUserId = t.Column<long>(nullable: false),
                LeaderLogin = t.Column<string>(maxLength: 64, nullable: false),
                VisitedOn = t.Column<DateOnly>(nullable: false),
                Place = t.Column<string>(maxLength: 100, nullable: false),
                Found = t.Column<string>(maxLength: 2000, nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
                TaskRequestedAt = t.Column<DateTime>(nullable: true),
                TaskId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_fw_leader_visits", x => x.Id));
        migrationBuilder.CreateIndex("IX_fw_leader_visits_LeaderUserId_VisitedOn", "fw_leader_visits", ["LeaderUserId", "VisitedOn"]);
        migrationBuilder.CreateIndex("IX_fw_leader_visits_OrgUnitId_VisitedOn", "fw_leader_visits", ["OrgUnitId", "VisitedOn"]);

        migrationBuilder.CreateTable(
            name: "fw_leader_visit_photos",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                VisitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_fw_leader_visit_photos", x => x.Id));
        migrationBuilder.CreateIndex("IX_fw_leader_visit_photos_VisitId", "fw_leader_visit_photos", "VisitId");
        migrationBuilder.CreateIndex("IX_fw_leader_visit_photos_FileId", "fw_leader_visit_photos", "FileId", unique: true);

        migrationBuilder.CreateTable(
            name: "fw_site_items",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Item = t.Column<string>(maxLength: 24, nullable: false),
                Note = t.Column<string>(maxLength: 500, nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                UpdatedByLogin = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_fw_site_items", x => x.Id));
        migrationBuilder.CreateIndex("IX_fw_site_items_OrgUnitId_Item", "fw_site_items", ["OrgUnitId", "Item"], unique: true);

        migrationBuilder.CreateTable(
            name: "fw_site_photos",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Item = t.Column<string>(maxLength: 24, nullable: false),
                FileId = t.Column<long>(nullable: false),
                AddedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_fw_site_photos", x => x.Id));
        migrationBuilder.CreateIndex("IX_fw_site_photos_OrgUnitId_Item", "fw_site_photos", ["OrgUnitId", "Item"]);
        migrationBuilder.CreateIndex("IX_fw_site_photos_FileId", "fw_site_photos", "FileId", unique: true);

        migrationBuilder.CreateTable(
            name: "fw_site_inspections",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                ByUnitId = t.Column<long>(nullable: false),
                ByLogin = t.Column<string>(maxLength: 64, nullable: true),
                InspectedOn = t.Column<DateOnly>(nullable: false),
                RecordedAt = t.Column<DateTime>(nullable: false),
                Total = t.Column<int>(nullable: false),
                Note = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_fw_site_inspections", x => x.Id));
        migrationBuilder.CreateIndex("IX_fw_site_inspections_OrgUnitId_InspectedOn", "fw_site_inspections", ["OrgUnitId", "InspectedOn"]);

        migrationBuilder.CreateTable(
            name: "fw_site_scores",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                InspectionId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Item = t.Column<string>(maxLength: 24, nullable: false),
                Score = t.Column<int>(nullable: false),
                Note = t.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_fw_site_scores", x => x.Id));
        migrationBuilder.CreateIndex("IX_fw_site_scores_InspectionId_Item", "fw_site_scores", ["InspectionId", "Item"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("fw_site_scores");
        migrationBuilder.DropTable("fw_site_inspections");
        migrationBuilder.DropTable("fw_site_photos");
        migrationBuilder.DropTable("fw_site_items");
        migrationBuilder.DropTable("fw_leader_visit_photos");
        migrationBuilder.DropTable("fw_leader_visits");
        migrationBuilder.DropTable("fw_leader_links");
    }
}
