using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Households (hh_households), their 十必联 events (hh_events) and visits (hh_visits), issue 15.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204010000_Households")]
public sealed class Households : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "hh_households",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Address = t.Column<string>(maxLength: 200, nullable: false),
                HeadPersonId = t.Column<long>(nullable: false),
                ContactPersonId = t.Column<long>(nullable: true),
                Tags = t.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_hh_households", x => x.Id));
        migrationBuilder.CreateIndex("IX_hh_households_OrgUnitId", "hh_households", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_hh_households_ContactPersonId", "hh_households", "ContactPersonId");

        migrationBuilder.CreateTable(
            name: "hh_events",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                HouseholdId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Kind = t.Column<string>(maxLength: 24, nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
                DueAt = t.Column<DateTime>(nullable: false),
                Period = t.Column<string>(maxLength: 7, nullable: true),
                Description = t.Column<string>(maxLength: 500, nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                FirstVisitAt = t.Column<DateTime>(nullable: true),
                VisitCount = t.Column<int>(nullable: false),
                CreatedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_hh_events", x => x.Id));
        migrationBuilder.CreateIndex("IX_hh_events_OrgUnitId_Status_DueAt", "hh_events", ["OrgUnitId", "Status", "DueAt"]);
        migrationBuilder.CreateIndex("IX_hh_events_HouseholdId_Kind_Period", "hh_events", ["HouseholdId", "Kind", "Period"], unique: true);

        migrationBuilder.CreateTable(
            name: "hh_visits",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                EventId = t.Column<long>(nullable: false),
                HouseholdId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                VisitedAt = t.Column<DateTime>(nullable: false),
                Note = t.Column<string>(maxLength: 500, nullable: false),
                ByPersonId = t.Column<long>(nullable: true),
                ByLogin = t.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_hh_visits", x => x.Id));
        migrationBuilder.CreateIndex("IX_hh_visits_EventId", "hh_visits", "EventId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("hh_visits");
        migrationBuilder.DropTable("hh_events");
        migrationBuilder.DropTable("hh_households");
    }
}
