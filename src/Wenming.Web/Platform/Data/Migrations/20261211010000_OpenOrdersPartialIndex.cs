using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Issue 12, ADR 0075: the open orders' lights read a partial index of the open orders by unit and submission time
/// instead of the index by status, unit and submission time, which SQLite's planner passed over at 200,000 orders (its
/// statistics say a quarter of the rows per status) for the unit and submission index, reading every order of the window.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261211010000_OpenOrdersPartialIndex")]
public sealed class OpenOrdersPartialIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ord_orders_Status_OrgUnitId_SubmittedAt", "ord_orders");
        migrationBuilder.CreateIndex(
            "IX_ord_orders_Open_OrgUnitId_SubmittedAt", "ord_orders", ["OrgUnitId", "SubmittedAt"], filter: "\"Status\" IN ('Submitted', 'Dispatched', 'Accepted')");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ord_orders_Open_OrgUnitId_SubmittedAt", "ord_orders");
        migrationBuilder.CreateIndex("IX_ord_orders_Status_OrgUnitId_SubmittedAt", "ord_orders", ["Status", "OrgUnitId", "SubmittedAt"]);
    }
}
