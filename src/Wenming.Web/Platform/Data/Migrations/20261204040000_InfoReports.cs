using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Information reports (信息报送) with their light boundaries (sup_info_reports) and attachments (sup_info_report_files), issue 13.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204040000_InfoReports")]
public sealed class InfoReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sup_info_reports",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                ToUnitId = t.Column<long>(nullable: false),
                Category = t.Column<string>(maxLength: 24, nullable: false),
                Urgent = t.Column<bool>(nullable: false),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Body = t.Column<string>(maxLength: 4000, nullable: false),
                ReportedAt = t.Column<DateTime>(nullable: false),
                ReportedByUserId = t.Column<long>(nullable: true),
                ReportedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                ReadDueAt = t.Column<DateTime>(nullable: true),
                ReadYellowFrom = t.Column<DateTime>(nullable: true),
                FollowUpDueAt = t.Column<DateTime>(nullable: true),
                FollowUpYellowFrom = t.Column<DateTime>(nullable: true),
                ReadAt = t.Column<DateTime>(nullable: true),
                ReadByUserId = t.Column<long>(nullable: true),
                ReadByLogin = t.Column<string>(maxLength: 64, nullable: true),
                FollowUp = t.Column<string>(maxLength: 2000, nullable: true),
                FollowUpAt = t.Column<DateTime>(nullable: true),
                FollowUpByLogin = t.Column<string>(maxLength: 64, nullable: true),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_sup_info_reports", x => x.Id));
        migrationBuilder.CreateIndex("IX_sup_info_reports_OrgUnitId_ReportedAt", "sup_info_reports", ["OrgUnitId", "ReportedAt"]);
        migrationBuilder.CreateIndex("IX_sup_info_reports_ToUnitId_ReadAt", "sup_info_reports", ["ToUnitId", "ReadAt"]);

        migrationBuilder.CreateTable(
            name: "sup_info_report_files",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ReportId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_sup_info_report_files", x => x.Id));
        migrationBuilder.CreateIndex("IX_sup_info_report_files_ReportId", "sup_info_report_files", "ReportId");
        migrationBuilder.CreateIndex("IX_sup_info_report_files_FileId", "sup_info_report_files", "FileId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("sup_info_report_files");
        migrationBuilder.DropTable("sup_info_reports");
    }
}
