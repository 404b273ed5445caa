using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Photos of a household visit (hh_visit_photos, issue 15): rows pointing at the visit and at a stored file (plat_files).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206010000_HouseholdVisitPhotos")]
public sealed class HouseholdVisitPhotos : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "hh_visit_photos",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                VisitId = t.Column<long>(nullable: false),
                EventId = t.Column<long>(nullable: false),
                HouseholdId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_hh_visit_photos", x => x.Id));
        migrationBuilder.CreateIndex("IX_hh_visit_photos_VisitId", "hh_visit_photos", "VisitId");
        migrationBuilder.CreateIndex("IX_hh_visit_photos_EventId", "hh_visit_photos", "EventId");
        migrationBuilder.CreateIndex("IX_hh_visit_photos_FileId", "hh_visit_photos", "FileId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("hh_visit_photos");
}
