using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// The statistics' roll-ups (issue 12, ADR 0061): subtree totals per unit, key, day and month; the (unit, day) pairs
/// written since they were rolled up; and the one state row the flushes lock. The state row starts "not built", so the
/// first statistics read (or <c>wenming stats-rebuild</c>) of an upgraded database rolls its existing rows up.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261207010000_StatRollups")]
public sealed class StatRollups : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "stat_rollups",
            columns: t => new
            {
                OrgUnitId = t.Column<long>(nullable: false),
                Key = t.Column<string>(maxLength: 64, nullable: false),
                Kind = t.Column<int>(nullable: false),
                Start = t.Column<DateOnly>(nullable: false),
                Value = t.Column<long>(nullable: false),
                Weight = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_stat_rollups", x => new { x.OrgUnitId, x.Key, x.Kind, x.Start }));

        migrationBuilder.CreateTable(
            name: "stat_dirty",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                OrgUnitId = t.Column<long>(nullable: false),
                Day = t.Column<DateOnly>(nullable: false),
                Source = t.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_stat_dirty", x => x.Id));

        migrationBuilder.CreateTable(
            name: "stat_rollup_state",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false),
                BuiltAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_stat_rollup_state", x => x.Id));
        migrationBuilder.Sql("""INSERT INTO stat_rollup_state ("Id", "Version") VALUES (1, 0);""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("stat_rollup_state");
        migrationBuilder.DropTable("stat_dirty");
        migrationBuilder.DropTable("stat_rollups");
    }
}
