using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>Hand awards and deductions with two-person approval and public notice (pts_awards), and their evidence files (pts_award_evidence).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123101000_PointAwards")]
public sealed class PointAwards : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "pts_awards",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                PersonId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                Points = t.Column<int>(nullable: false),
                Category = t.Column<string>(maxLength: 24, nullable: false),
                Reason = t.Column<string>(maxLength: 200, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                ProposedByUserId = t.Column<long>(nullable: true),
                ProposedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                ProposedAt = t.Column<DateTime>(nullable: false),
                DecidedByUserId = t.Column<long>(nullable: true),
                DecidedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                DecidedAt = t.Column<DateTime>(nullable: true),
                DecisionNote = t.Column<string>(maxLength: 200, nullable: true),
                NoticeEndsAt = t.Column<DateTime>(nullable: true),
                RevokedByUserId = t.Column<long>(nullable: true),
                RevokedByLogin = t.Column<string>(maxLength: 64, nullable: true),
                RevokedAt = t.Column<DateTime>(nullable: true),
                RevokeReason = t.Column<string>(maxLength: 200, nullable: true),
                CreditedAt = t.Column<DateTime>(nullable: true),
                AppliedPoints = t.Column<int>(nullable: true),
                TransactionId = t.Column<long>(nullable: true),
                Version = t.Column<long>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_pts_awards", x => x.Id);
                t.CheckConstraint("CK_pts_awards_Points", "\"Points\" <> 0");
            });
        migrationBuilder.CreateIndex("IX_pts_awards_OrgUnitId", "pts_awards", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_pts_awards_PersonId", "pts_awards", "PersonId");
        migrationBuilder.CreateIndex("IX_pts_awards_Status_NoticeEndsAt", "pts_awards", ["Status", "NoticeEndsAt"]);

        migrationBuilder.CreateTable(
            name: "pts_award_evidence",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                AwardId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                FileId = t.Column<long>(nullable: false),
                UploadedAt = t.Column<DateTime>(nullable: false),
                UploadedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_pts_award_evidence", x => x.Id));
        migrationBuilder.CreateIndex("IX_pts_award_evidence_AwardId", "pts_award_evidence", "AwardId");
        migrationBuilder.CreateIndex("IX_pts_award_evidence_OrgUnitId", "pts_award_evidence", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_pts_award_evidence_FileId", "pts_award_evidence", "FileId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("pts_award_evidence");
        migrationBuilder.DropTable("pts_awards");
    }
}
