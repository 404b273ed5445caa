using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Departments and 首办责任制 (issue 17, ADR 0060): an order or supervision task passed to a department, its
/// first handler and the claim deadline; the county's claim time. Departments themselves are org units
/// (level 6), so the org table needs nothing. Every new column is nullable: existing rows need no default.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206060000_Departments")]
public sealed class Departments : Migration
{
    private const string Orders = "ord_orders";
    private const string Tasks = "sup_tasks";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("DepartmentId", Orders, nullable: true);
        migrationBuilder.AddColumn<long>("FirstHandlerUserId", Orders, nullable: true);
        migrationBuilder.AddColumn<string>("FirstHandlerName", Orders, maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<DateTime>("FirstClaimedAt", Orders, nullable: true);
        migrationBuilder.CreateIndex("IX_ord_orders_DepartmentId", Orders, "DepartmentId");
        migrationBuilder.AddColumn<int>("ClaimHours", "ord_deadline_rules", nullable: true);

        migrationBuilder.AddColumn<DateTime>("ClaimDueAt", Tasks, nullable: true);
        migrationBuilder.AddColumn<long>("FirstHandlerUserId", Tasks, nullable: true);
        migrationBuilder.AddColumn<string>("FirstHandlerLogin", Tasks, maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<DateTime>("FirstClaimedAt", Tasks, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ord_orders_DepartmentId", Orders);
        foreach (var column in new[] { "DepartmentId", "FirstHandlerUserId", "FirstHandlerName", "FirstClaimedAt" })
        {
            migrationBuilder.DropColumn(column, Orders);
        }

        migrationBuilder.DropColumn("ClaimHours", "ord_deadline_rules");
        foreach (var column in new[] { "ClaimDueAt", "FirstHandlerUserId", "FirstHandlerLogin", "FirstClaimedAt" })
        {
            migrationBuilder.DropColumn(column, Tasks);
        }
    }
}
