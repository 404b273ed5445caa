using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Activities and enrollments (act_ tables). Hand-written and provider-neutral like
/// <see cref="Foundation"/>; SchemaMatchesModelTests checks it on both providers.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123030000_Activities")]
public sealed class Activities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "act_activities",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                TeamId = t.Column<long>(nullable: true),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Description = t.Column<string>(maxLength: 2000, nullable: true),
                Category = t.Column<string>(maxLength: 32, nullable: false),
                Place = t.Column<string>(maxLength: 200, nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                EndsAt = t.Column<DateTime>(nullable: false),
                Capacity = t.Column<int>(nullable: false),
                SignUpStartsAt = t.Column<DateTime>(nullable: true),
                SignUpEndsAt = t.Column<DateTime>(nullable: true),
                WaitlistCapacity = t.Column<int>(nullable: false),
                RecruitmentConditions = t.Column<string>(maxLength: 500, nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                EnrolledCount = t.Column<int>(nullable: false),
                WaitlistCount = t.Column<int>(nullable: false),
                WaitlistIssued = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_act_activities", x => x.Id));
        migrationBuilder.CreateIndex("IX_act_activities_OrgUnitId", "act_activities", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_act_activities_Status_StartsAt", "act_activities", ["Status", "StartsAt"]);

        migrationBuilder.CreateTable(
            name: "act_enrollments",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ActivityId = t.Column<long>(nullable: false),
                VolunteerId = t.Column<long>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                Position = t.Column<int>(nullable: true),
                StartsAt = t.Column<DateTime>(nullable: false),
                EndsAt = t.Column<DateTime>(nullable: false),
                EnrolledAt = t.Column<DateTime>(nullable: false),
                EnrolledByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_act_enrollments", x => x.Id));
        migrationBuilder.CreateIndex("IX_act_enrollments_ActivityId_VolunteerId", "act_enrollments", ["ActivityId", "VolunteerId"], unique: true);
        migrationBuilder.CreateIndex("IX_act_enrollments_VolunteerId_StartsAt", "act_enrollments", ["VolunteerId", "StartsAt"]);

        migrationBuilder.CreateTable(
            name: "act_volunteer_locks",
            columns: t => new
            {
                VolunteerId = t.Column<long>(nullable: false),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_act_volunteer_locks", x => x.VolunteerId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("act_volunteer_locks");
        migrationBuilder.DropTable("act_enrollments");
        migrationBuilder.DropTable("act_activities");
    }
}
