using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Photos as evidence of a manual 考评 score (asm_manual_score_photos, issue 13, ADR 0057): stored files of the scheme's unit.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206031000_ManualScorePhotos")]
public sealed class ManualScorePhotos : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "asm_manual_score_photos",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                ScoreId = t.Column<long>(nullable: false),
                SchemeId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_asm_manual_score_photos", x => x.Id));
        migrationBuilder.CreateIndex("IX_asm_manual_score_photos_ScoreId", "asm_manual_score_photos", "ScoreId");
        migrationBuilder.CreateIndex("IX_asm_manual_score_photos_FileId", "asm_manual_score_photos", "FileId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("asm_manual_score_photos");
}
