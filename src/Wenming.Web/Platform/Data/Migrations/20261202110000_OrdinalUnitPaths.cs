using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// The scope filter selects a subtree as an ordinal range of unit paths (ADR 0032). PostgreSQL gives the path column
/// the "C" collation, so that the range is the subtree whatever the database's collation, and replaces the
/// pattern-ops index (which serves only LIKE) with a plain one that serves the range and prefix LIKEs alike. SQLite
/// compares BINARY already and its path index serves the range as it is: nothing to change there.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202110000_OrdinalUnitPaths")]
public sealed class OrdinalUnitPaths : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            return;
        }

        migrationBuilder.DropIndex("IX_org_units_Path", "org_units");
        migrationBuilder.AlterColumn<string>("Path", "org_units", maxLength: 400, nullable: false, collation: "C",
            oldClrType: typeof(string), oldMaxLength: 400, oldNullable: false);
        migrationBuilder.CreateIndex("IX_org_units_Path", "org_units", "Path");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            return;
        }

        migrationBuilder.DropIndex("IX_org_units_Path", "org_units");
        migrationBuilder.AlterColumn<string>("Path", "org_units", maxLength: 400, nullable: false,
            oldClrType: typeof(string), oldMaxLength: 400, oldNullable: false, oldCollation: "C");
        migrationBuilder.CreateIndex("IX_org_units_Path", "org_units", "Path")
            .Annotation("Npgsql:IndexOperators", new[] { "varchar_pattern_ops" });
    }
}
