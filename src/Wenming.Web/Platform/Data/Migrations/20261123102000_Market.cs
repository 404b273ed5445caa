using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>The charity supermarket (mkt_ tables): goods per unit, the inventory ledger, redemptions with pickup codes.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123102000_Market")]
public sealed class Market : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "mkt_goods",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Name = t.Column<string>(maxLength: 50, nullable: false),
                Description = t.Column<string>(maxLength: 500, nullable: true),
                PricePoints = t.Column<int>(nullable: false),
                Stock = t.Column<int>(nullable: false),
                Donor = t.Column<string>(maxLength: 100, nullable: true),
                PhotoFileId = t.Column<long>(nullable: true),
                Active = t.Column<bool>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_mkt_goods", x => x.Id);
                t.CheckConstraint("CK_mkt_goods_Stock", "\"Stock\" >= 0");
            });
        migrationBuilder.CreateIndex("IX_mkt_goods_OrgUnitId", "mkt_goods", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "mkt_stock_movements",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                GoodsId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                Source = t.Column<string>(maxLength: 16, nullable: false),
                Quantity = t.Column<int>(nullable: false),
                StockAfter = t.Column<int>(nullable: false),
                Donor = t.Column<string>(maxLength: 100, nullable: true),
                Note = t.Column<string>(maxLength: 200, nullable: true),
                RedemptionId = t.Column<long>(nullable: true),
                ByUserId = t.Column<long>(nullable: true),
                ByName = t.Column<string>(maxLength: 64, nullable: true),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_mkt_stock_movements", x => x.Id));
        migrationBuilder.CreateIndex("IX_mkt_stock_movements_GoodsId", "mkt_stock_movements", "GoodsId");
        migrationBuilder.CreateIndex("IX_mkt_stock_movements_OrgUnitId", "mkt_stock_movements", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "mkt_redemptions",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                GoodsId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                PersonId = t.Column<long>(nullable: false),
                GoodsName = t.Column<string>(maxLength: 50, nullable: false),
                Quantity = t.Column<int>(nullable: false),
                UnitPrice = t.Column<int>(nullable: false),
                Points = t.Column<int>(nullable: false),
                PickupCode = t.Column<string>(maxLength: 6, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                AtCounter = t.Column<bool>(nullable: false),
                CreatedByUserId = t.Column<long>(nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                PickedUpAt = t.Column<DateTime>(nullable: true),
                PickedUpByUserId = t.Column<long>(nullable: true),
                PickedUpByName = t.Column<string>(maxLength: 64, nullable: true),
                CancelledAt = t.Column<DateTime>(nullable: true),
                CancelledByUserId = t.Column<long>(nullable: true),
                CancelledByName = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_mkt_redemptions", x => x.Id));
        migrationBuilder.CreateIndex("IX_mkt_redemptions_PickupCode", "mkt_redemptions", "PickupCode", unique: true, filter: "\"Status\" = 'Open'");
        migrationBuilder.CreateIndex("IX_mkt_redemptions_PersonId", "mkt_redemptions", "PersonId");
        migrationBuilder.CreateIndex("IX_mkt_redemptions_GoodsId", "mkt_redemptions", "GoodsId");
        migrationBuilder.CreateIndex("IX_mkt_redemptions_OrgUnitId", "mkt_redemptions", "OrgUnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("mkt_redemptions");
        migrationBuilder.DropTable("mkt_stock_movements");
        migrationBuilder.DropTable("mkt_goods");
    }
}
