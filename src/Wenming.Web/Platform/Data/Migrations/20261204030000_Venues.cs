using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Venues and their bookings (issue 17); a venue's BookingVersion is the lock row its bookings serialize on (ADR 0048).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204030000_Venues")]
public sealed class Venues : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "venues",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                OwnerName = t.Column<string>(maxLength: 100, nullable: false),
                Name = t.Column<string>(maxLength: 60, nullable: false),
                Capacity = t.Column<int>(nullable: false),
                Address = t.Column<string>(maxLength: 500, nullable: true),
                Facilities = t.Column<string>(maxLength: 500, nullable: true),
                OpensMinute = t.Column<int>(nullable: false),
                ClosesMinute = t.Column<int>(nullable: false),
                RequiresApproval = t.Column<bool>(nullable: false),
                BookingVersion = t.Column<long>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_venues", x => x.Id));
        migrationBuilder.CreateIndex("IX_venues_CountyId_Name", "venues", ["CountyId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_venues_OrgUnitId", "venues", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "venue_bookings",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                VenueId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                UnitName = t.Column<string>(maxLength: 100, nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                EndsAt = t.Column<DateTime>(nullable: false),
                Purpose = t.Column<string>(maxLength: 200, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                BookedByUserId = t.Column<long>(nullable: true),
                BookedByName = t.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                DecidedByName = t.Column<string>(maxLength: 64, nullable: true),
                DecidedAt = t.Column<DateTime>(nullable: true),
                Reason = t.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_venue_bookings", x => x.Id);
                t.CheckConstraint("CK_venue_bookings_Span", "\"EndsAt\" > \"StartsAt\"");
            });
        migrationBuilder.CreateIndex("IX_venue_bookings_VenueId_StartsAt", "venue_bookings", ["VenueId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_venue_bookings_OrgUnitId", "venue_bookings", "OrgUnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("venue_bookings");
        migrationBuilder.DropTable("venues");
    }
}
