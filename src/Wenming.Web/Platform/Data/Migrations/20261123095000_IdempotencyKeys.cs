using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Idempotency keys of retried writes: one row per (account, key), the claim and then the stored answer (ADR 0013).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123095000_IdempotencyKeys")]
public sealed class IdempotencyKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "plat_idempotency_keys",
            columns: t => new
            {
                UserId = t.Column<long>(nullable: false),
                Key = t.Column<string>(maxLength: 100, nullable: false),
                Fingerprint = t.Column<string>(maxLength: 64, nullable: false),
                Status = t.Column<int>(nullable: true),
                ContentType = t.Column<string>(maxLength: 200, nullable: true),
                Location = t.Column<string>(maxLength: 500, nullable: true),
                Body = t.Column<byte[]>(nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ExpiresAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_plat_idempotency_keys", x => new { x.UserId, x.Key }));
        migrationBuilder.CreateIndex("IX_plat_idempotency_keys_ExpiresAt", "plat_idempotency_keys", "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("plat_idempotency_keys");
}
