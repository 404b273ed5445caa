using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// The service loop (ord_ tables): catalog items, orders with their history, per-county deadline rules.
/// Hand-written and provider-neutral like <see cref="Foundation"/>; SchemaMatchesModelTests checks it.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123090000_Orders")]
public sealed class Orders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ord_service_items",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Category = t.Column<string>(maxLength: 32, nullable: false),
                Description = t.Column<string>(maxLength: 500, nullable: true),
                TeamIdList = t.Column<string>(maxLength: 500, nullable: false),
                Active = t.Column<bool>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ord_service_items", x => x.Id));
        migrationBuilder.CreateIndex("IX_ord_service_items_OrgUnitId", "ord_service_items", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "ord_orders",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                HandlingUnitId = t.Column<long>(nullable: false),
                ServiceItemId = t.Column<long>(nullable: true),
                Description = t.Column<string>(maxLength: 1000, nullable: false),
                Address = t.Column<string>(maxLength: 200, nullable: true),
                WantedAt = t.Column<DateTime>(nullable: true),
                ContactPhone = t.Column<string>(maxLength: 20, nullable: false),
                RequesterPersonId = t.Column<long>(nullable: false),
                SubmittedByUserId = t.Column<long>(nullable: true),
                OnBehalf = t.Column<bool>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                DispatchMode = t.Column<string>(maxLength: 16, nullable: true),
                TeamId = t.Column<long>(nullable: true),
                DueAt = t.Column<DateTime>(nullable: true),
                StepStartedAt = t.Column<DateTime>(nullable: false),
                DeadlineAt = t.Column<DateTime>(nullable: true),
                Flagged = t.Column<bool>(nullable: false),
                OverdueSince = t.Column<DateTime>(nullable: true),
                RejectReason = t.Column<string>(maxLength: 500, nullable: true),
                Summary = t.Column<string>(maxLength: 1000, nullable: true),
                Stars = t.Column<int>(nullable: true),
                RatingComment = t.Column<string>(maxLength: 500, nullable: true),
                SubmittedAt = t.Column<DateTime>(nullable: false),
                CompletedAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ord_orders", x => x.Id));
        migrationBuilder.CreateIndex("IX_ord_orders_OrgUnitId", "ord_orders", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_ord_orders_HandlingUnitId", "ord_orders", "HandlingUnitId");
        migrationBuilder.CreateIndex("IX_ord_orders_RequesterPersonId", "ord_orders", "RequesterPersonId");
        migrationBuilder.CreateIndex("IX_ord_orders_TeamId", "ord_orders", "TeamId");
        migrationBuilder.CreateIndex("IX_ord_orders_Status_DeadlineAt", "ord_orders", ["Status", "DeadlineAt"]);

        migrationBuilder.CreateTable(
            name: "ord_order_history",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                OrderId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FromStatus = t.Column<string>(maxLength: 16, nullable: true),
                ToStatus = t.Column<string>(maxLength: 16, nullable: false),
                Action = t.Column<string>(maxLength: 16, nullable: true),
                ByUserId = t.Column<long>(nullable: true),
                At = t.Column<DateTime>(nullable: false),
                Note = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ord_order_history", x => x.Id);
                t.ForeignKey("FK_ord_order_history_ord_orders_OrderId", x => x.OrderId, "ord_orders", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ord_order_history_OrderId", "ord_order_history", "OrderId");

        migrationBuilder.CreateTable(
            name: "ord_deadline_rules",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                DispatchHours = t.Column<int>(nullable: false),
                AcceptHours = t.Column<int>(nullable: false),
                CompleteDays = t.Column<int>(nullable: false),
                AutoCloseDays = t.Column<int>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ord_deadline_rules", x => x.Id));
        migrationBuilder.CreateIndex("IX_ord_deadline_rules_CountyId", "ord_deadline_rules", "CountyId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ord_deadline_rules");
        migrationBuilder.DropTable("ord_order_history");
        migrationBuilder.DropTable("ord_orders");
        migrationBuilder.DropTable("ord_service_items");
    }
}
