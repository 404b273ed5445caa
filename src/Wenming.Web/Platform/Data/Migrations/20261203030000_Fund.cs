using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Wenming.Web.Platform.Data.Migrations;

/// <summary>The practice fund (fund_ tables, issue 14): the county's running totals, donations, projects and payments, append-only.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261203030000_Fund")]
public sealed class Fund : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "fund_accounts",
            columns: t => new
            {
                CountyId = t.Column<long>(nullable: false),
                DonationsFen = t.Column<long>(nullable: false),
                PaymentsFen = t.Column<long>(nullable: false),
                BalanceFen = t.Column<long>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_fund_accounts", x => x.CountyId);
                t.CheckConstraint("CK_fund_accounts_BalanceFen", "\"BalanceFen\" >= 0");
            });

        migrationBuilder.CreateTable(
            name: "fund_donations",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                DonorName = t.Column<string>(maxLength: 100, nullable: false),
                Anonymous = t.Column<bool>(nullable: false),
                AmountFen = t.Column<long>(nullable: false),
                Channel = t.Column<string>(maxLength: 16, nullable: false),
                ReceivedOn = t.Column<DateOnly>(nullable: false),
                ReceiptNumber = t.Column<string>(maxLength: 40, nullable: true),
                ReversesId = t.Column<long>(nullable: true),
                Reason = t.Column<string>(maxLength: 200, nullable: true),
                CreatedByUserId = t.Column<long>(nullable: true),
                CreatedByName = t.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_fund_donations", x => x.Id));
        migrationBuilder.CreateIndex("IX_fund_donations_CountyId_ReceiptNumber", "fund_donations", ["CountyId", "ReceiptNumber"], unique: true);
        migrationBuilder.CreateIndex("IX_fund_donations_ReversesId", "fund_donations", "ReversesId", unique: true);
        migrationBuilder.CreateIndex("IX_fund_donations_OrgUnitId", "fund_donations", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "fund_projects",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                Title = t.Column<string>(maxLength: 100, nullable: false),
                Description = t.Column<string>(maxLength: 2000, nullable: false),
                Applicant = t.Column<string>(maxLength: 100, nullable: true),
                Beneficiaries = t.Column<string>(maxLength: 200, nullable: true),
                BudgetLines = t.Column<string>(maxLength: 2000, nullable: true),
                RequestedFen = t.Column<long>(nullable: false),
                ApprovedFen = t.Column<long>(nullable: false),
                PaidFen = t.Column<long>(nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                AppliedByUserId = t.Column<long>(nullable: true),
                AppliedByName = t.Column<string>(maxLength: 64, nullable: true),
                AppliedAt = t.Column<DateTime>(nullable: false),
                ReviewedByUserId = t.Column<long>(nullable: true),
                ReviewedByName = t.Column<string>(maxLength: 64, nullable: true),
                ReviewedAt = t.Column<DateTime>(nullable: true),
                RejectReason = t.Column<string>(maxLength: 200, nullable: true),
                OutcomeSummary = t.Column<string>(maxLength: 2000, nullable: true),
                PeopleServed = t.Column<int>(nullable: true),
                OutcomePhotoIds = t.Column<string>(maxLength: 200, nullable: true),
                OutcomeAt = t.Column<DateTime>(nullable: true),
                ClosedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_fund_projects", x => x.Id);
                t.CheckConstraint("CK_fund_projects_PaidFen", "\"PaidFen\" >= 0 AND \"PaidFen\" <= \"ApprovedFen\"");
            });
        migrationBuilder.CreateIndex("IX_fund_projects_OrgUnitId", "fund_projects", "OrgUnitId");

        migrationBuilder.CreateTable(
            name: "fund_payments",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false).Identity(),
                CountyId = t.Column<long>(nullable: false),
                OrgUnitId = t.Column<long>(nullable: false),
                ProjectId = t.Column<long>(nullable: false),
                AmountFen = t.Column<long>(nullable: false),
                PaidOn = t.Column<DateOnly>(nullable: false),
                Payee = t.Column<string>(maxLength: 100, nullable: false),
                Purpose = t.Column<string>(maxLength: 200, nullable: false),
                Status = t.Column<string>(maxLength: 16, nullable: false),
                ReversesId = t.Column<long>(nullable: true),
                Reason = t.Column<string>(maxLength: 200, nullable: true),
                CreatedByUserId = t.Column<long>(nullable: true),
                CreatedByName = t.Column<string>(maxLength: 64, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                ApprovedByUserId = t.Column<long>(nullable: true),
                ApprovedByName = t.Column<string>(maxLength: 64, nullable: true),
                ApprovedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_fund_payments", x => x.Id));
        migrationBuilder.CreateIndex("IX_fund_payments_ReversesId", "fund_payments", "ReversesId", unique: true);
        migrationBuilder.CreateIndex("IX_fund_payments_ProjectId", "fund_payments", "ProjectId");
        migrationBuilder.CreateIndex("IX_fund_payments_OrgUnitId", "fund_payments", "OrgUnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("fund_payments");
        migrationBuilder.DropTable("fund_projects");
        migrationBuilder.DropTable("fund_donations");
        migrationBuilder.DropTable("fund_accounts");
    }
}
