using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Volunteer training (issue 17): courses, sessions, places with attendance, and the county's course requirements per team category (ADR 0059).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206050000_Training")]
public sealed class Training : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "trn_courses",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Description = t.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_trn_courses", x => x.Id));
        migrationBuilder.CreateIndex("IX_trn_courses_CountyId_Title", "trn_courses", ["CountyId", "Title"], unique: true);

        migrationBuilder.CreateTable(
            name: "trn_sessions",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                CourseId = t.Column<long>(nullable: true),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                Minutes = t.Column<int>(nullable: false),
                Trainer = t.Column<string>(maxLength: 50, nullable: false),
                Place = t.Column<string>(maxLength: 100, nullable: true),
                Capacity = t.Column<int>(nullable: false),
                EnrolledCount = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_trn_sessions", x => x.Id));
        migrationBuilder.CreateIndex("IX_trn_sessions_CountyId_StartsAt", "trn_sessions", ["CountyId", "StartsAt"]);
        migrationBuilder.CreateIndex("IX_trn_sessions_OrgUnitId", "trn_sessions", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_trn_sessions_CourseId", "trn_sessions", "CourseId");

        migrationBuilder.CreateTable(
            name: "trn_enrollments",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                SessionId = t.Column<long>(nullable: false),
                VolunteerId = t.Column<long>(nullable: false),
                EnrolledByUserId = t.Column<long>(nullable: true),
                EnrolledAt = t.Column<DateTime>(nullable: false),
                Attended = t.Column<bool>(nullable: false),
                AttendanceMarkedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_trn_enrollments", x => x.Id));
        migrationBuilder.CreateIndex("IX_trn_enrollments_SessionId_VolunteerId", "trn_enrollments", ["SessionId", "VolunteerId"], unique: true);
        migrationBuilder.CreateIndex("IX_trn_enrollments_VolunteerId", "trn_enrollments", "VolunteerId");

        migrationBuilder.CreateTable(
            name: "trn_requirements",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                Category = t.Column<string>(maxLength: 32, nullable: false),
                CourseId = t.Column<long>(nullable: false),
                SetAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_trn_requirements", x => x.Id));
        migrationBuilder.CreateIndex("IX_trn_requirements_CountyId_Category", "trn_requirements", ["CountyId", "Category"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("trn_requirements");
        migrationBuilder.DropTable("trn_enrollments");
        migrationBuilder.DropTable("trn_sessions");
        migrationBuilder.DropTable("trn_courses");
    }
}
