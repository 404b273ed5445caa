using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Issue 12, ADR 0066: the stocks (volunteers registered, teams, the fund's balance), the fund's flows and the completed
/// orders' lights are rolled up now. The roll-up is marked "not built", so the next flush rebuilds it from the raw rows
/// with the new keys. The orders get an index by status, unit and submission time: the lights of the open orders are
/// counted per request, and it reads the window's open orders of the units without touching the completed ones.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261209010000_RolledUpStocksAndDoneLights")]
public sealed class RolledUpStocksAndDoneLights : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_ord_orders_Status_OrgUnitId_SubmittedAt", "ord_orders", ["Status", "OrgUnitId", "SubmittedAt"]);
        migrationBuilder.Sql("""UPDATE stat_rollup_state SET "BuiltAt" = NULL;""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ord_orders_Status_OrgUnitId_SubmittedAt", "ord_orders");
        migrationBuilder.Sql("""UPDATE stat_rollup_state SET "BuiltAt" = NULL;""");
    }
}
