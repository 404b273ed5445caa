using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>The county's own dates on the practice calendar, each with its responsible unit (issue 17).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204031000_PracticeCalendar")]
public sealed class PracticeCalendar : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "calendar_county_dates",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                UnitName = t.Column<string>(maxLength: 100, nullable: false),
                Date = t.Column<DateOnly>(nullable: false),
                Name = t.Column<string>(maxLength: 60, nullable: false),
                Note = t.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_calendar_county_dates", x => x.Id));
        migrationBuilder.CreateIndex("IX_calendar_county_dates_CountyId_Date_Name", "calendar_county_dates", ["CountyId", "Date", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_calendar_county_dates_OrgUnitId", "calendar_county_dates", "OrgUnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("calendar_county_dates");
}
