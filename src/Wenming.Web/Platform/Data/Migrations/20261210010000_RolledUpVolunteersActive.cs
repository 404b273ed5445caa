using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Issue 12, ADR 0068: volunteers active is rolled up by each volunteer's first day of service per month. The roll-up
/// is marked "not built", so the next flush rebuilds it from the raw rows with the new key.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261210010000_RolledUpVolunteersActive")]
public sealed class RolledUpVolunteersActive : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""UPDATE stat_rollup_state SET "BuiltAt" = NULL;""");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""UPDATE stat_rollup_state SET "BuiltAt" = NULL;""");
}
