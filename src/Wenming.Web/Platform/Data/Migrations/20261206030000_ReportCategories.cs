using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>
/// Each county's must-report categories (sup_report_categories, issue 13, ADR 0057), seeded with RULES.md's nine for
/// every county there is; a county made later gets them on first use. Reports keep storing the code, so
/// sup_info_reports is unchanged: its old values are the nine defaults' codes.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261206030000_ReportCategories")]
public sealed class ReportCategories : Migration
{
    private static readonly (string Code, string Name)[] Defaults =
    [
        ("MajorActivity", "重大活动"), ("Emergency", "突发事件"), ("SafetyAccident", "安全事故"), ("MassIncident", "群体性事件"), ("PublicOpinion", "舆情"),
        ("Exemplar", "先进典型"), ("ImportantMeeting", "重要会议"), ("Experience", "工作经验"), ("Difficulty", "问题困难"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sup_report_categories",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                Code = t.Column<string>(maxLength: 24, nullable: false),
                Name = t.Column<string>(maxLength: 20, nullable: false),
                SortOrder = t.Column<int>(nullable: false),
                Retired = t.Column<bool>(nullable: false),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_sup_report_categories", x => x.Id));
        migrationBuilder.CreateIndex("IX_sup_report_categories_CountyId_Code", "sup_report_categories", ["CountyId", "Code"], unique: true);

        // Plain SQL both providers read alike (quoted names, FALSE): one row per default and county.
        for (var i = 0; i < Defaults.Length; i++)
        {
            migrationBuilder.Sql(
                "INSERT INTO sup_report_categories (\"CountyId\", \"Code\", \"Name\", \"SortOrder\", \"Retired\", \"Version\") "
                + $"SELECT \"Id\", '{Defaults[i].Code}', '{Defaults[i].Name}', {i + 1}, FALSE, 1 FROM org_units WHERE \"Level\" = 'County';");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("sup_report_categories");
}
