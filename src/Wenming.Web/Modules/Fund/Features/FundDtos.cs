using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Fund.Features;

/// <summary>API.md's balance <c>{donationsFen, paymentsFen, balanceFen}</c>, with the yuan as shown.</summary>
public sealed record FundBalanceDto(long CountyId, long DonationsFen, long PaymentsFen, long BalanceFen, string BalanceYuan);

/// <summary>A donation or its reversing entry as the center sees it (the donor's name even when anonymous).</summary>
public sealed record DonationDto(
    long Id, long OrgUnitId, string DonorName, bool Anonymous, long AmountFen, string AmountYuan, DonationChannel Channel, string ChannelLabel,
    DateOnly ReceivedOn, string? ReceiptNumber, long? ReversesId, string? Reason, bool Reversed, string? CreatedBy, DateTimeOffset CreatedAt)
{
    public static DonationDto From(Donation d, bool reversed) =>
        new(d.Id, d.OrgUnitId, d.DonorName, d.Anonymous, d.AmountFen, Yuan.Format(d.AmountFen), d.Channel, FundLabels.Channel(d.Channel),
            d.ReceivedOn, d.ReceiptNumber, d.ReversesId, d.Reason, reversed, d.CreatedByName, Text.ToChinaTime(d.CreatedAt));
}

public sealed record ProjectDto(
    long Id, long OrgUnitId, string Title, string Description, string? Applicant, string? Beneficiaries, string? BudgetLines,
    long RequestedFen, long ApprovedFen, long PaidFen, long RemainingFen, ProjectStatus Status, string StatusLabel,
    long? AppliedByUserId, string? AppliedBy, DateTimeOffset AppliedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? RejectReason,
    string? OutcomeSummary, int? PeopleServed, IReadOnlyList<long> PhotoFileIds, DateTimeOffset? ClosedAt)
{
    public static ProjectDto From(FundProject p) =>
        new(p.Id, p.OrgUnitId, p.Title, p.Description, p.Applicant, p.Beneficiaries, p.BudgetLines,
            p.RequestedFen, p.ApprovedFen, p.PaidFen, p.ApprovedFen - p.PaidFen, p.Status, FundLabels.Status(p.Status),
            p.AppliedByUserId, p.AppliedByName, Text.ToChinaTime(p.AppliedAt), p.ReviewedByName, China(p.ReviewedAt), p.RejectReason,
            p.OutcomeSummary, p.PeopleServed, p.PhotoIds(), China(p.ClosedAt));

    internal static DateTimeOffset? China(DateTime? utc) => utc is { } at ? Text.ToChinaTime(at) : null;
}

/// <summary>A payment, one waiting for its second approver, or a reversal; <paramref name="BalanceFen"/> only on the answer that moved money.</summary>
public sealed record PaymentDto(
    long Id, long ProjectId, long AmountFen, string AmountYuan, DateOnly PaidOn, string Payee, string Purpose, PaymentStatus Status, string StatusLabel,
    long? ReversesId, string? Reason, bool Reversed, string? CreatedBy, long? CreatedByUserId, string? ApprovedBy, DateTimeOffset? ApprovedAt, DateTimeOffset CreatedAt,
    long? BalanceFen = null)
{
    public static PaymentDto From(FundPayment p, bool reversed, long? balanceFen = null) =>
        new(p.Id, p.ProjectId, p.AmountFen, Yuan.Format(p.AmountFen), p.PaidOn, p.Payee, p.Purpose, p.Status, FundLabels.Payment(p.Status),
            p.ReversesId, p.Reason, reversed, p.CreatedByName, p.CreatedByUserId, p.ApprovedByName, ProjectDto.China(p.ApprovedAt), Text.ToChinaTime(p.CreatedAt), balanceFen);
}
