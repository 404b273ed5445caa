using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// The orders by unit and submission time (issue 12, bench/results.md): the statistics' lights are counted from
/// the rows of the window per request (ADR 0061), and at 200,000 orders the unit index alone read every order of
/// each unit for each of the four lights, this period and the last.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261207120000_OrderLightsIndex")]
public sealed class OrderLightsIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_ord_orders_OrgUnitId_SubmittedAt", "ord_orders", ["OrgUnitId", "SubmittedAt"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_ord_orders_OrgUnitId_SubmittedAt", "ord_orders");
}
