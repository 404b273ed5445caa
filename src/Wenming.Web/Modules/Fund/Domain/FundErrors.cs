using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Fund.Domain;

/// <summary>The fund's typed failures: API.md's codes (<c>fund.insufficient</c>, <c>project.budget_exceeded</c>) and this module's own; texts in Fund.resx.</summary>
public static class FundErrors
{
    public static Error Insufficient(long balanceFen) => Of("fund.insufficient", ErrorKind.Conflict, "Fund.error.insufficient", Yuan.Format(balanceFen));

    public static Error BudgetExceeded(long remainingFen) => Of("project.budget_exceeded", ErrorKind.Conflict, "Fund.error.budget_exceeded", Yuan.Format(remainingFen));

    public static Error ProjectNotFound() => Of("project.not_found", ErrorKind.NotFound, "Fund.error.project_not_found");

    public static Error DonationNotFound() => Of("donation.not_found", ErrorKind.NotFound, "Fund.error.donation_not_found");

    public static Error PaymentNotFound() => Of("payment.not_found", ErrorKind.NotFound, "Fund.error.payment_not_found");

    public static Error WrongState(ProjectStatus status) => Of("project.invalid_transition", ErrorKind.Conflict, "Fund.error.wrong_state", FundLabels.Status(status));

    public static Error OwnApplication() => Of("project.own_application", ErrorKind.Conflict, "Fund.error.own_application");

    public static Error OwnPayment() => Of("payment.own_payment", ErrorKind.Conflict, "Fund.error.own_payment");

    public static Error NotPending() => Of("payment.not_pending", ErrorKind.Conflict, "Fund.error.not_pending");

    public static Error AlreadyReversed() => Of("fund.already_reversed", ErrorKind.Conflict, "Fund.error.already_reversed");

    public static Error NotReversible() => Of("fund.not_reversible", ErrorKind.Conflict, "Fund.error.not_reversible");

    public static Error DuplicateReceipt() => Of("donation.duplicate_receipt", ErrorKind.Conflict, "Fund.error.duplicate_receipt");

    /// <summary>A reversed donation, or a reversing entry: no certificate (the money is not the fund's).</summary>
    public static Error NoCertificate() => Of("donation.reversed", ErrorKind.Conflict, "Fund.error.no_certificate");

    public static Error OutcomeMissing() => Of("project.outcome_missing", ErrorKind.Conflict, "Fund.error.outcome_missing");

    private static Error Of(string code, ErrorKind kind, string key, params object[] args) => Error.Keyed(code, kind, key, args);
}
