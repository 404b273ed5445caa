using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>In-app messages and reminder preferences (ntf_ tables). Hand-written and provider-neutral.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123080000_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ntf_notifications",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                UserId = t.Column<long>(nullable: false),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Body = t.Column<string>(maxLength: 500, nullable: false),
                Link = t.Column<string>(maxLength: 300, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ReadAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_ntf_notifications", x => x.Id));
        migrationBuilder.CreateIndex("IX_ntf_notifications_UserId_CreatedAt", "ntf_notifications", ["UserId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_ntf_notifications_UserId_ReadAt", "ntf_notifications", ["UserId", "ReadAt"]);

        migrationBuilder.CreateTable(
            name: "ntf_preferences",
            columns: t => new
            {
                PersonId = t.Column<long>(nullable: false),
                ActivityReminders = t.Column<bool>(nullable: false),
                ReminderLeadHours = t.Column<int>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ntf_preferences", x => x.PersonId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ntf_preferences");
        migrationBuilder.DropTable("ntf_notifications");
    }
}
