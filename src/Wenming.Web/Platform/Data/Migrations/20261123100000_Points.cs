using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>The points ledger (pts_ tables): accounts, append-only transactions, point rules per unit.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261123100000_Points")]
public sealed class Points : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "pts_accounts",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                PersonId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                Balance = t.Column<int>(nullable: false),
                Earned = t.Column<int>(nullable: false),
                Version = t.Column<long>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_pts_accounts", x => x.Id);
                t.CheckConstraint("CK_pts_accounts_Balance", "\"Balance\" >= 0");
            });
        migrationBuilder.CreateIndex("IX_pts_accounts_PersonId", "pts_accounts", "PersonId", unique: true);
        migrationBuilder.CreateIndex("IX_pts_accounts_OrgUnitId", "pts_accounts", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "pts_transactions",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                AccountId = t.Column<long>(nullable: false),
                PersonId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                Amount = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 24, nullable: false),
                SourceKey = t.Column<string>(maxLength: 100, nullable: false),
                Reason = t.Column<string>(maxLength: 200, nullable: false),
                BalanceAfter = t.Column<int>(nullable: false),
                EarnedAfter = t.Column<int>(nullable: false),
                ReversesTransactionId = t.Column<long>(nullable: true),
                ByUserId = t.Column<long>(nullable: true),
                ByName = t.Column<string>(maxLength: 64, nullable: true),
                At = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_pts_transactions", x => x.Id));
        migrationBuilder.CreateIndex("IX_pts_transactions_PersonId_SourceKey", "pts_transactions", ["PersonId", "SourceKey"], unique: true);
        migrationBuilder.CreateIndex("IX_pts_transactions_OrgUnitId", "pts_transactions", "OrgUnitId");
        migrationBuilder.CreateIndex("IX_pts_transactions_ReversesTransactionId", "pts_transactions", "ReversesTransactionId", unique: true);

        migrationBuilder.CreateTable(
            name: "pts_rules",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                OrgUnitId = t.Column<long>(nullable: false),
                CountyId = t.Column<long>(nullable: false),
                PerServiceHour = t.Column<int>(nullable: true),
                PerActivityAttended = t.Column<int>(nullable: true),
                PerCompletedOrder = t.Column<int>(nullable: true),
                OrganizerBonusPercent = t.Column<int>(nullable: true),
                AwardMaxPoints = t.Column<int>(nullable: true),
                NoticeDays = t.Column<int>(nullable: true),
                StarThresholds = t.Column<string>(maxLength: 64, nullable: true),
                UnitsMayOverride = t.Column<bool>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                UpdatedByUserId = t.Column<long>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_pts_rules", x => x.Id));
        migrationBuilder.CreateIndex("IX_pts_rules_OrgUnitId", "pts_rules", "OrgUnitId", unique: true);
        migrationBuilder.CreateIndex("IX_pts_rules_CountyId", "pts_rules", "CountyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("pts_rules");
        migrationBuilder.DropTable("pts_transactions");
        migrationBuilder.DropTable("pts_accounts");
    }
}
