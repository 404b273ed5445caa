using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Issue 12, ADR 0075: the roll-ups carry the unit's county, with an index by county, key, kind and start that holds
/// the figures, so a ranking reads a county's units as one range. The roll-ups are derived data: the table is made
/// anew (a new NOT NULL column would need a default the model does not have) and marked "not built", so the next
/// statistics read (or <c>wenming stats-rebuild</c>) rebuilds it from the rows.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261211020000_RollupsByCounty")]
public sealed class RollupsByCounty : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("stat_rollups");
        migrationBuilder.CreateTable(
            name: "stat_rollups",
            columns: t => new
            {
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                Key = t.Column<string>(maxLength: 64, nullable: false),
                Kind = t.Column<int>(nullable: false),
                Start = t.Column<DateOnly>(nullable: false),
                Value = t.Column<long>(nullable: false),
                Weight = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_stat_rollups", x => new { x.OrgUnitId, x.Key, x.Kind, x.Start }));
        migrationBuilder.CreateIndex(
            "IX_stat_rollups_County", "stat_rollups", ["CountyId", "Key", "Kind", "Start", "OrgUnitId", "Value", "Weight"]);
        migrationBuilder.Sql("""UPDATE stat_rollup_state SET "BuiltAt" = NULL;""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("stat_rollups");
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
        migrationBuilder.Sql("""UPDATE stat_rollup_state SET "BuiltAt" = NULL;""");
    }
}
