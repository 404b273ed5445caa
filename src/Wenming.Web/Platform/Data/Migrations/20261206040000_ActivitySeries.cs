using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Recurring activities (issue 17, ADR 0058): the rule's row, each occurrence's series, and the venue booking an activity takes its place from.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206040000_ActivitySeries")]
public sealed class ActivitySeries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "act_series",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Frequency = t.Column<string>(maxLength: 16, nullable: false),
                Interval = t.Column<int>(nullable: false),
                DaysOfWeek = t.Column<string>(maxLength: 20, nullable: true),
                Until = t.Column<DateOnly>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_act_series", x => x.Id));
        migrationBuilder.CreateIndex("IX_act_series_OrgUnitId", "act_series", "OrgUnitId");

        migrationBuilder.AddColumn<long>("SeriesId", "act_activities", nullable: true);
        migrationBuilder.AddColumn<long>("VenueBookingId", "act_activities", nullable: true);
        migrationBuilder.AddColumn<long>("VenueId", "act_activities", nullable: true);
        migrationBuilder.CreateIndex("IX_act_activities_SeriesId_StartsAt", "act_activities", ["SeriesId", "StartsAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_act_activities_SeriesId_StartsAt", "act_activities");
        migrationBuilder.DropColumn("VenueId", "act_activities");
        migrationBuilder.DropColumn("VenueBookingId", "act_activities");
        migrationBuilder.DropColumn("SeriesId", "act_activities");
        migrationBuilder.DropTable("act_series");
    }
}
