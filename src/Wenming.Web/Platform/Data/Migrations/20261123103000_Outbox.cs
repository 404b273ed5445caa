using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>The transactional outbox of integration events between modules (ADR 0014).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123103000_Outbox")]
public sealed class Outbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "plat_outbox",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                Type = t.Column<string>(maxLength: 100, nullable: false),
                Payload = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                DeliveredAt = t.Column<DateTime>(nullable: true),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_plat_outbox", x => x.Id));
        migrationBuilder.CreateIndex("IX_plat_outbox_DeliveredAt_Id", "plat_outbox", ["DeliveredAt", "Id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("plat_outbox");
}
