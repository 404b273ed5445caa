using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// The platform file store (plat_files, plat_file_contents) and activity archives: the flow
/// checklist, attachments and the stored completeness flag. Hand-written and provider-neutral like
/// <see cref="Foundation"/>; byte[] maps to BLOB on SQLite and bytea on PostgreSQL.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123060000_ActivityArchive")]
public sealed class ActivityArchive : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "plat_files",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                OrgUnitId = t.Column<long>(nullable: false),
                FileName = t.Column<string>(maxLength: 200, nullable: false),
                ContentType = t.Column<string>(maxLength: 100, nullable: false),
                Size = t.Column<long>(nullable: false),
                Sha256 = t.Column<string>(maxLength: 64, nullable: false),
                UploadedAt = t.Column<DateTime>(nullable: false),
                UploadedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_plat_files", x => x.Id));
        migrationBuilder.CreateIndex("IX_plat_files_OrgUnitId", "plat_files", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "plat_file_contents",
            columns: t => new
            {
                FileId = t.Column<long>(nullable: false),
                Bytes = t.Column<byte[]>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_plat_file_contents", x => x.FileId);
                t.ForeignKey("FK_plat_file_contents_plat_files_FileId", x => x.FileId, "plat_files", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "act_checklist_steps",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ActivityId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Step = t.Column<string>(maxLength: 32, nullable: false),
                Done = t.Column<bool>(nullable: false),
                Note = t.Column<string>(maxLength: 200, nullable: true),
                ChangedAt = t.Column<DateTime>(nullable: false),
                ChangedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_act_checklist_steps", x => x.Id));
        migrationBuilder.CreateIndex("IX_act_checklist_steps_ActivityId_Step", "act_checklist_steps", ["ActivityId", "Step"], unique: true);
        migrationBuilder.CreateIndex("IX_act_checklist_steps_OrgUnitId", "act_checklist_steps", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "act_attachments",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ActivityId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
                Kind = t.Column<string>(maxLength: 16, nullable: false),
                Caption = t.Column<string>(maxLength: 100, nullable: true),
                UploadedAt = t.Column<DateTime>(nullable: false),
                UploadedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_act_attachments", x => x.Id));
        migrationBuilder.CreateIndex("IX_act_attachments_ActivityId", "act_attachments", "ActivityId");
        migrationBuilder.CreateIndex("IX_act_attachments_OrgUnitId", "act_attachments", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_act_attachments_FileId", "act_attachments", "FileId", unique: true);

        // Existing activities have neither steps nor attachments: incomplete.
        migrationBuilder.AddColumn<bool>("ArchiveComplete", "act_activities", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("ArchiveComplete", "act_activities");
        migrationBuilder.DropTable("act_attachments");
        migrationBuilder.DropTable("act_checklist_steps");
        migrationBuilder.DropTable("plat_file_contents");
        migrationBuilder.DropTable("plat_files");
    }
}
