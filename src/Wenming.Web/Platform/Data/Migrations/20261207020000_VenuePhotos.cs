using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Photos of a venue (venue_photos, issue 17): rows pointing at the venue and at a stored file (plat_files).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261207020000_VenuePhotos")]
public sealed class VenuePhotos : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "venue_photos",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                VenueId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_venue_photos", x => x.Id));
        migrationBuilder.CreateIndex("IX_venue_photos_VenueId", "venue_photos", "VenueId");
        migrationBuilder.CreateIndex("IX_venue_photos_FileId", "venue_photos", "FileId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("venue_photos");
}
