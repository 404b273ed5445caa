using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>督办 tasks with their lights' boundaries (sup_tasks) and their timelines (sup_task_entries), issue 13.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203020000_SupervisionTasks")]
public sealed class SupervisionTasks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sup_tasks",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                AssignedByUnitId = t.Column<long>(nullable: false),
                AssignedByUserId = t.Column<long>(nullable: true),
                AssignedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Description = t.Column<string>(maxLength: 1000, nullable: true),
                Source = t.Column<string>(maxLength: 16, nullable: false),
                SourceOrderId = t.Column<long>(nullable: true),
                AssignedAt = t.Column<DateTime>(nullable: false),
                DueAt = t.Column<DateTime>(nullable: false),
                YellowFrom = t.Column<DateTime>(nullable: false),
                HalfwayAt = t.Column<DateTime>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                Percent = t.Column<int>(nullable: false),
                CompletedAt = t.Column<DateTime>(nullable: true),
                UrgeCount = t.Column<int>(nullable: false),
                LastUrgedAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_sup_tasks", x => x.Id));
        migrationBuilder.CreateIndex("IX_sup_tasks_OrgUnitId_Status", "sup_tasks", ["OrgUnitId", "Status"]);
        migrationBuilder.CreateIndex("IX_sup_tasks_SourceOrderId", "sup_tasks", "SourceOrderId", unique: true);

        migrationBuilder.CreateTable(
            name: "sup_task_entries",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                TaskId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Kind = t.Column<string>(maxLength: 16, nullable: false),
                Percent = t.Column<int>(nullable: true),
                Note = t.Column<string>(maxLength: 500, nullable: true),
                ByUserId = t.Column<long>(nullable: true),
                ByLogin = t.Column<string>(maxLength: 64, nullable: true),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_sup_task_entries", x => x.Id));
        migrationBuilder.CreateIndex("IX_sup_task_entries_TaskId", "sup_task_entries", "TaskId");
        migrationBuilder.CreateIndex("IX_sup_task_entries_OrgUnitId", "sup_task_entries", "OrgUnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("sup_task_entries");
        migrationBuilder.DropTable("sup_tasks");
    }
}
