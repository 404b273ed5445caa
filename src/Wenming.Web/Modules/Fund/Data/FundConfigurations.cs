using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Fund.Domain;

namespace Wenming.Web.Modules.Fund.Data;

internal sealed class FundAccountConfiguration : IEntityTypeConfiguration<FundAccount>
{
    public void Configure(EntityTypeBuilder<FundAccount> b)
    {
        b.ToTable("fund_accounts", t => t.HasCheckConstraint("CK_fund_accounts_BalanceFen", "\"BalanceFen\" >= 0"));
        b.HasKey(a => a.CountyId);
        b.Property(a => a.CountyId).ValueGeneratedNever();
    }
}

internal sealed class DonationConfiguration : IEntityTypeConfiguration<Donation>
{
    public void Configure(EntityTypeBuilder<Donation> b)
    {
        b.ToTable("fund_donations");
        b.HasKey(d => d.Id);
        b.Property(d => d.DonorName).HasMaxLength(Donation.MaxDonorLength);
        b.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ReceiptNumber).HasMaxLength(Donation.MaxReceiptLength);
        b.Property(d => d.Reason).HasMaxLength(Donation.MaxNoteLength);
        b.Property(d => d.CreatedByName).HasMaxLength(64);
        // Receipt numbers are unique per fund (RULES.md); reversals carry none. Each entry is reversed at most once.
        b.HasIndex(d => new { d.CountyId, d.ReceiptNumber }).IsUnique();
        b.HasIndex(d => d.ReversesId).IsUnique();
        b.HasIndex(d => d.OrgUnitId);
    }
}

internal sealed class FundProjectConfiguration : IEntityTypeConfiguration<FundProject>
{
    public void Configure(EntityTypeBuilder<FundProject> b)
    {
        b.ToTable("fund_projects", t => t.HasCheckConstraint("CK_fund_projects_PaidFen", "\"PaidFen\" >= 0 AND \"PaidFen\" <= \"ApprovedFen\""));
        b.HasKey(p => p.Id);
        b.Property(p => p.Title).HasMaxLength(FundProject.MaxTitleLength);
        b.Property(p => p.Description).HasMaxLength(FundProject.MaxTextLength);
        b.Property(p => p.Applicant).HasMaxLength(FundProject.MaxTitleLength);
        b.Property(p => p.Beneficiaries).HasMaxLength(FundProject.MaxShortLength);
        b.Property(p => p.BudgetLines).HasMaxLength(FundProject.MaxTextLength);
        // A review, the outcome and the close each change the state from the one read: two at once, one wins.
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(p => p.AppliedByName).HasMaxLength(64);
        b.Property(p => p.ReviewedByName).HasMaxLength(64);
        b.Property(p => p.RejectReason).HasMaxLength(FundProject.MaxShortLength);
        b.Property(p => p.OutcomeSummary).HasMaxLength(FundProject.MaxTextLength);
        b.Property(p => p.OutcomePhotoIds).HasMaxLength(200);
        b.HasIndex(p => p.OrgUnitId);
    }
}

internal sealed class FundPaymentConfiguration : IEntityTypeConfiguration<FundPayment>
{
    public void Configure(EntityTypeBuilder<FundPayment> b)
    {
        b.ToTable("fund_payments");
        b.HasKey(p => p.Id);
        b.Property(p => p.Payee).HasMaxLength(FundPayment.MaxPayeeLength);
        b.Property(p => p.Purpose).HasMaxLength(FundPayment.MaxPurposeLength);
        // Approving a pending payment changes its state from the one read: two approvers at once, one wins.
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(p => p.Reason).HasMaxLength(FundProject.MaxShortLength);
        b.Property(p => p.CreatedByName).HasMaxLength(64);
        b.Property(p => p.ApprovedByName).HasMaxLength(64);
        b.HasIndex(p => p.ReversesId).IsUnique();
        b.HasIndex(p => p.ProjectId);
        b.HasIndex(p => p.OrgUnitId);
    }
}
