using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// The ledger by unit and booking time, the orders by unit and completion time (issue 12, ADR 0064): the roll-up
/// flush recomputes one day of the dirty units with the sources' own queries, and with the unit index alone each
/// read every ledger row or order of the unit.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261208010000_StatisticsDayIndexes")]
public sealed class StatisticsDayIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_pts_transactions_OrgUnitId_At", "pts_transactions", ["OrgUnitId", "At"]);
        migrationBuilder.CreateIndex("IX_ord_orders_OrgUnitId_CompletedAt", "ord_orders", ["OrgUnitId", "CompletedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_pts_transactions_OrgUnitId_At", "pts_transactions");
        migrationBuilder.DropIndex("IX_ord_orders_OrgUnitId_CompletedAt", "ord_orders");
    }
}
