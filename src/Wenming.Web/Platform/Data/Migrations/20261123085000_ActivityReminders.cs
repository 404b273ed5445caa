using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Sent activity reminders (the claim rows of the reminder job) and personal calendar feeds.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123085000_ActivityReminders")]
public sealed class ActivityReminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "act_reminders",
            columns: t => new
            {
                ActivityId = t.Column<long>(nullable: false),
                VolunteerId = t.Column<long>(nullable: false),
                SentAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_act_reminders", x => new { x.ActivityId, x.VolunteerId }));

        migrationBuilder.CreateTable(
            name: "act_calendar_feeds",
            columns: t => new
            {
                PersonId = t.Column<long>(nullable: false),
                Token = t.Column<string>(maxLength: 32, nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_act_calendar_feeds", x => x.PersonId));
        migrationBuilder.CreateIndex("IX_act_calendar_feeds_Token", "act_calendar_feeds", "Token", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("act_calendar_feeds");
        migrationBuilder.DropTable("act_reminders");
    }
}
