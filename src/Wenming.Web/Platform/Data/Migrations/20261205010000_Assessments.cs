using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>考评: schemes (asm_schemes), their per-unit results with parts (asm_results) and manual scores (asm_manual_scores), issue 13.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261205010000_Assessments")]
public sealed class Assessments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "asm_schemes",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Period = t.Column<string>(maxLength: 7, nullable: false),
                Level = t.Column<string>(maxLength: 16, nullable: false),
                Indicators = t.Column<string>(maxLength: 400, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                CreatedByUserId = t.Column<long>(nullable: true),
                CreatedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ComputedAt = t.Column<DateTime>(nullable: false),
                ReviewedByUserId = t.Column<long>(nullable: true),
                ReviewedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                ReviewedAt = t.Column<DateTime>(nullable: true),
                PublishedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                PublishedAt = t.Column<DateTime>(nullable: true),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_asm_schemes", x => x.Id));
        migrationBuilder.CreateIndex("IX_asm_schemes_OrgUnitId_Period", "asm_schemes", ["OrgUnitId", "Period"]);

        migrationBuilder.CreateTable(
            name: "asm_results",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                SchemeId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Period = t.Column<string>(maxLength: 7, nullable: false),
                Level = t.Column<string>(maxLength: 16, nullable: false),
                Score = t.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Rank = t.Column<int>(nullable: false),
                RankedCount = t.Column<int>(nullable: false),
                Parts = t.Column<string>(maxLength: 4000, nullable: false),
                PublishedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_asm_results", x => x.Id));
        migrationBuilder.CreateIndex("IX_asm_results_SchemeId", "asm_results", "SchemeId");
        migrationBuilder.CreateIndex("IX_asm_results_OrgUnitId_PublishedAt", "asm_results", ["OrgUnitId", "PublishedAt"]);

        migrationBuilder.CreateTable(
            name: "asm_manual_scores",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                SchemeId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Score = t.Column<decimal>(precision: 9, scale: 2, nullable: false),
                Evidence = t.Column<string>(maxLength: 500, nullable: false),
                ByUserId = t.Column<long>(nullable: true),
                ByLogin = t.Column<string>(maxLength: 64, nullable: true),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_asm_manual_scores", x => x.Id));
        migrationBuilder.CreateIndex("IX_asm_manual_scores_SchemeId_OrgUnitId", "asm_manual_scores", ["SchemeId", "OrgUnitId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("asm_manual_scores");
        migrationBuilder.DropTable("asm_results");
        migrationBuilder.DropTable("asm_schemes");
    }
}
