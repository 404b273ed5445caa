using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Attendance on enrollments (check-in/out, how and by whom, no-shows, the service record made from it)
/// and the per-activity secrets of the rotating check-in codes. Every new column is nullable, so existing
/// rows need no default. Hand-written and provider-neutral like <see cref="Foundation"/>.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123050000_Attendance")]
public sealed class Attendance : Migration
{
    private const string Enrollments = "act_enrollments";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("CheckedInAt", Enrollments, nullable: true);
        migrationBuilder.AddColumn<string>("CheckInMethod", Enrollments, maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<long>("CheckedInByUserId", Enrollments, nullable: true);
        migrationBuilder.AddColumn<DateTime>("CheckedOutAt", Enrollments, nullable: true);
        migrationBuilder.AddColumn<string>("CheckOutMethod", Enrollments, maxLength: 16, nullable: true);
        migrationBuilder.AddColumn<long>("CheckedOutByUserId", Enrollments, nullable: true);
        migrationBuilder.AddColumn<DateTime>("NoShowAt", Enrollments, nullable: true);
        migrationBuilder.AddColumn<long>("ServiceRecordId", Enrollments, nullable: true);

        migrationBuilder.CreateTable(
            name: "act_check_in_keys",
            columns: t => new
            {
                ActivityId = t.Column<long>(nullable: false),
                Secret = t.Column<byte[]>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_act_check_in_keys", x => x.ActivityId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("act_check_in_keys");
        foreach (var column in new[] { "CheckedInAt", "CheckInMethod", "CheckedInByUserId", "CheckedOutAt", "CheckOutMethod", "CheckedOutByUserId", "NoShowAt", "ServiceRecordId" })
        {
            migrationBuilder.DropColumn(column, Enrollments);
        }
    }
}
