using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Domain;

/// <summary>How a donation came in (RULES.md: bank, WeChat, cash, goods valued).</summary>
public enum DonationChannel
{
    Bank = 1,
    WeChat = 2,
    Cash = 3,
    Goods = 4,
}

public enum ProjectStatus
{
    Applied = 1,
    Approved = 2,
    Rejected = 3,
    Closed = 4,
}

public enum PaymentStatus
{
    /// <summary>Money moved.</summary>
    Paid = 1,

    /// <summary>Above the second-approver threshold: recorded, no money moved until another person approves it.</summary>
    Pending = 2,

    /// <summary>A reversing entry (negative amount) of a paid payment.</summary>
    Reversal = 3,

    /// <summary>A pending payment the second approver turned down, with a reason: no money ever moved.</summary>
    Rejected = 4,
}

/// <summary>
/// The county's fund (RULES.md: one per county center): running totals kept by single conditional UPDATEs in the
/// same transaction as the entry they sum, so <see cref="BalanceFen"/> = donations − payments at every commit, and a
/// CHECK keeps it at zero or above. Read by county id; not org-scoped (its figures are public, the entries are scoped).
/// </summary>
public sealed class FundAccount : ICountyScoped
{
    private FundAccount()
    {
    }

    public long CountyId { get; private set; }

    public long DonationsFen { get; private set; }

    public long PaymentsFen { get; private set; }

    public long BalanceFen { get; private set; }

    public DateTime UpdatedAt { get; private set; }
}

/// <summary>A donation in, or (negative, <see cref="ReversesId"/> set) the reversing entry that cancels one. Never edited.</summary>
public sealed class Donation : IOrgScoped, ICountyScoped
{
    public const int MaxDonorLength = 100;
    public const int MaxReceiptLength = 40;
    public const int MaxNoteLength = 200;

    private Donation()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The unit that received it (usually the county center).</summary>
    public long OrgUnitId { get; private set; }

    /// <summary>The donor's name as given; kept for the certificate and the books even when anonymous, never disclosed then.</summary>
    public string DonorName { get; private set; } = "";

    public bool Anonymous { get; private set; }

    /// <summary>Positive for a donation, negative for a reversal.</summary>
    public long AmountFen { get; private set; }

    public DonationChannel Channel { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>Unique per fund; null on reversals.</summary>
    public string? ReceiptNumber { get; private set; }

    public long? ReversesId { get; private set; }

    /// <summary>Why a reversal was made.</summary>
    public string? Reason { get; private set; }

    public long? CreatedByUserId { get; private set; }

    public string? CreatedByName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Donation Record(long countyId, long orgUnitId, string donor, bool anonymous, long amountFen, DonationChannel channel, DateOnly receivedOn, string receipt, long? userId, string? login, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        DonorName = donor.Trim(),
        Anonymous = anonymous,
        AmountFen = amountFen,
        Channel = channel,
        ReceivedOn = receivedOn,
        ReceiptNumber = receipt.Trim(),
        CreatedByUserId = userId,
        CreatedByName = login,
        CreatedAt = now,
    };

    public Donation Reverse(string reason, long? userId, string? login, DateTime now) => new()
    {
        CountyId = CountyId,
        OrgUnitId = OrgUnitId,
        DonorName = DonorName,
        Anonymous = Anonymous,
        AmountFen = -AmountFen,
        Channel = Channel,
        ReceivedOn = DateOnly.FromDateTime(now + Text.ChinaOffset),
        ReversesId = Id,
        Reason = reason.Trim(),
        CreatedByUserId = userId,
        CreatedByName = login,
        CreatedAt = now,
    };
}

/// <summary>
/// A volunteer-service project paid from the fund: applied by a unit, team or social organization, reviewed by
/// another person, approved with a budget (≤ requested), paid in instalments (<see cref="PaidFen"/> never above
/// <see cref="ApprovedFen"/>: one conditional UPDATE and a CHECK), its outcome reported, closed.
/// </summary>
public sealed class FundProject : IOrgScoped, ICountyScoped
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 2000;
    public const int MaxShortLength = 200;

    private FundProject()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The applying unit.</summary>
    public long OrgUnitId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What will be done.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The team or social organization applying, when not the unit itself.</summary>
    public string? Applicant { get; private set; }

    /// <summary>For whom (e.g. 空巢老人 of 桃花村).</summary>
    public string? Beneficiaries { get; private set; }

    /// <summary>Budget lines, one per line ("物资 3000").</summary>
    public string? BudgetLines { get; private set; }

    public long RequestedFen { get; private set; }

    public long ApprovedFen { get; private set; }

    public long PaidFen { get; private set; }

    public ProjectStatus Status { get; private set; }

    public long? AppliedByUserId { get; private set; }

    public string? AppliedByName { get; private set; }

    public DateTime AppliedAt { get; private set; }

    public long? ReviewedByUserId { get; private set; }

    public string? ReviewedByName { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? RejectReason { get; private set; }

    public string? OutcomeSummary { get; private set; }

    public int? PeopleServed { get; private set; }

    /// <summary>Photos in plat_files, comma-separated ids.</summary>
    public string? OutcomePhotoIds { get; private set; }

    public DateTime? OutcomeAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public static FundProject Apply(long countyId, long orgUnitId, string title, string description, string? applicant, string? beneficiaries, string? budgetLines, long requestedFen, long? userId, string? login, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Title = title.Trim(),
        Description = description.Trim(),
        Applicant = Clean(applicant),
        Beneficiaries = Clean(beneficiaries),
        BudgetLines = Clean(budgetLines),
        RequestedFen = requestedFen,
        Status = ProjectStatus.Applied,
        AppliedByUserId = userId,
        AppliedByName = login,
        AppliedAt = now,
    };

    public void Approve(long approvedFen, long? userId, string? login, DateTime now)
    {
        ApprovedFen = approvedFen;
        Status = ProjectStatus.Approved;
        ReviewedByUserId = userId;
        ReviewedByName = login;
        ReviewedAt = now;
    }

    public void Reject(string reason, long? userId, string? login, DateTime now)
    {
        RejectReason = reason.Trim();
        Status = ProjectStatus.Rejected;
        ReviewedByUserId = userId;
        ReviewedByName = login;
        ReviewedAt = now;
    }

    public void ReportOutcome(string summary, int peopleServed, IReadOnlyCollection<long> photoIds, DateTime now)
    {
        OutcomeSummary = summary.Trim();
        PeopleServed = peopleServed;
        OutcomePhotoIds = photoIds.Count == 0 ? null : string.Join(',', photoIds);
        OutcomeAt = now;
    }

    public void Close(DateTime now)
    {
        Status = ProjectStatus.Closed;
        ClosedAt = now;
    }

    public IReadOnlyList<long> PhotoIds() =>
        OutcomePhotoIds is null ? [] : [.. OutcomePhotoIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>An instalment paid to a project, one waiting for its second approver, or the reversing entry of a paid one. Never edited but for the approval.</summary>
public sealed class FundPayment : IOrgScoped, ICountyScoped
{
    /// <summary>RULES.md: payments above 50,000.00 yuan need a second approver.</summary>
    public const long SecondApproverAboveFen = 5_000_000;

    public const int MaxPayeeLength = 100;
    public const int MaxPurposeLength = 200;

    private FundPayment()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The project's unit.</summary>
    public long OrgUnitId { get; private set; }

    public long ProjectId { get; private set; }

    /// <summary>Positive for a payment, negative for a reversal.</summary>
    public long AmountFen { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public string Payee { get; private set; } = "";

    public string Purpose { get; private set; } = "";

    public PaymentStatus Status { get; private set; }

    public long? ReversesId { get; private set; }

    public string? Reason { get; private set; }

    public long? CreatedByUserId { get; private set; }

    public string? CreatedByName { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public long? ApprovedByUserId { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public static FundPayment Record(FundProject project, long amountFen, DateOnly paidOn, string payee, string purpose, bool pending, long? userId, string? login, DateTime now) => new()
    {
        CountyId = project.CountyId,
        OrgUnitId = project.OrgUnitId,
        ProjectId = project.Id,
        AmountFen = amountFen,
        PaidOn = paidOn,
        Payee = payee.Trim(),
        Purpose = purpose.Trim(),
        Status = pending ? PaymentStatus.Pending : PaymentStatus.Paid,
        CreatedByUserId = userId,
        CreatedByName = login,
        CreatedAt = now,
    };

    public void Approve(long? userId, string? login, DateTime now)
    {
        Status = PaymentStatus.Paid;
        ApprovedByUserId = userId;
        ApprovedByName = login;
        ApprovedAt = now;
    }

    /// <summary>The second approver says no: the decider is kept in the approver fields (whoever decided), the reason in <see cref="Reason"/>.</summary>
    public void Reject(string reason, long? userId, string? login, DateTime now)
    {
        Status = PaymentStatus.Rejected;
        Reason = reason.Trim();
        ApprovedByUserId = userId;
        ApprovedByName = login;
        ApprovedAt = now;
    }

    public FundPayment Reverse(string reason, long? userId, string? login, DateTime now) => new()
    {
        CountyId = CountyId,
        OrgUnitId = OrgUnitId,
        ProjectId = ProjectId,
        AmountFen = -AmountFen,
        PaidOn = DateOnly.FromDateTime(now + Text.ChinaOffset),
        Payee = Payee,
        Purpose = Purpose,
        Status = PaymentStatus.Reversal,
        ReversesId = Id,
        Reason = reason.Trim(),
        CreatedByUserId = userId,
        CreatedByName = login,
        CreatedAt = now,
    };
}

public static class FundLabels
{
    public static string Status(ProjectStatus status) => Text.Get("Fund.status." + status);

    public static string Payment(PaymentStatus status) => Text.Get("Fund.payment." + status);

    public static string Channel(DonationChannel channel) => Text.Get("Fund.channel." + channel);

    /// <summary>What the public sees as the donor: the name, or 爱心人士 when the donor asked to stay anonymous.</summary>
    public static string PublicDonor(bool anonymous, string name) => anonymous ? Text.Get("Fund.anonymous_donor") : name;
}
