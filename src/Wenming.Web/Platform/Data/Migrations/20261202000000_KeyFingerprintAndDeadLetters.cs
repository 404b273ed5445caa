using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>The platform's own settings (the PII key fingerprint, ADR 0021) and the outbox's backoff and dead letters (ADR 0022).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261202000000_KeyFingerprintAndDeadLetters")]
public sealed class KeyFingerprintAndDeadLetters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "plat_settings",
            columns: t => new
            {
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Value = t.Column<string>(maxLength: 1000, nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_plat_settings", x => x.Name));

        migrationBuilder.AddColumn<DateTime>("NextAttemptAt", "plat_outbox", nullable: true);
        migrationBuilder.AddColumn<DateTime>("DeadAt", "plat_outbox", nullable: true);
        migrationBuilder.CreateIndex("IX_plat_outbox_DeadAt", "plat_outbox", "DeadAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_plat_outbox_DeadAt", "plat_outbox");
        migrationBuilder.DropColumn("DeadAt", "plat_outbox");
        migrationBuilder.DropColumn("NextAttemptAt", "plat_outbox");
        migrationBuilder.DropTable("plat_settings");
    }
}
