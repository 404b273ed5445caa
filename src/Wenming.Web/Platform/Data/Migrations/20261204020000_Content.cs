using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Content 两心融合 (content_ tables, issue 16): articles with their review, and each county's review rule (三审).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261204020000_Content")]
public sealed class Content : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "content_articles",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Kind = t.Column<string>(maxLength: 16, nullable: false),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Summary = t.Column<string>(maxLength: 200, nullable: true),
                Body = t.Column<string>(maxLength: 20000, nullable: false),
                CoverFileId = t.Column<long>(nullable: true),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                Pinned = t.Column<bool>(nullable: false),
                ExpiresAt = t.Column<DateTime>(nullable: true),
                AuthorUserId = t.Column<long>(nullable: true),
                AuthorName = t.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                SubmittedAt = t.Column<DateTime>(nullable: true),
                FirstReviewerUserId = t.Column<long>(nullable: true),
                FirstReviewerName = t.Column<string>(maxLength: 64, nullable: true),
                ApprovedByUserId = t.Column<long>(nullable: true),
                ApprovedByName = t.Column<string>(maxLength: 64, nullable: true),
                ApprovedAt = t.Column<DateTime>(nullable: true),
                RejectReason = t.Column<string>(maxLength: 200, nullable: true),
                PublishedAt = t.Column<DateTime>(nullable: true),
                PublishedByName = t.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_content_articles", x => x.Id));
        migrationBuilder.CreateIndex("IX_content_articles_OrgUnitId", "content_articles", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_content_articles_Status_OrgUnitId_PublishedAt", "content_articles", ["Status", "OrgUnitId", "PublishedAt"]);

        migrationBuilder.CreateTable(
            name: "content_settings",
            columns: t => new
            {
                CountyId = t.Column<long>(nullable: false),
                SecondReview = t.Column<bool>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_content_settings", x => x.CountyId));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("content_settings");
        migrationBuilder.DropTable("content_articles");
    }
}
