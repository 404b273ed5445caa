using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Photos of an order's service (ord_order_photos): rows pointing at the order and at a stored file (plat_files).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123093000_OrderPhotos")]
public sealed class OrderPhotos : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ord_order_photos",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                OrderId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
                Caption = t.Column<string>(maxLength: 100, nullable: true),
                UploadedAt = t.Column<DateTime>(nullable: false),
                UploadedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ord_order_photos", x => x.Id));
        migrationBuilder.CreateIndex("IX_ord_order_photos_OrderId", "ord_order_photos", "OrderId");
        migrationBuilder.CreateIndex("IX_ord_order_photos_OrgUnitId", "ord_order_photos", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_ord_order_photos_FileId", "ord_order_photos", "FileId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ord_order_photos");
    }
}
