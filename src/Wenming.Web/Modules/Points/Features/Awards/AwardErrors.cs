using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary>
/// The hand awards' typed failures. Codes are stable API strings (<c>award.self_approval</c>); the Chinese
/// text lives under the Award.* keys of Resources/PointAwards.resx. Field errors go through <see cref="FieldErrors"/>.
/// </summary>
public static class AwardErrors
{
    public static Error NotFound() => Of("award.not_found", ErrorKind.NotFound, "Award.error.not_found");

    /// <summary>Two-person rule: the proposer may not decide their own proposal.</summary>
    public static Error SelfApproval() => Of("award.self_approval", ErrorKind.Forbidden, "Award.error.self_approval");

    /// <summary>Nobody proposes or decides points for themselves.</summary>
    public static Error OwnAward() => Of("award.own_award", ErrorKind.Forbidden, "Award.error.own_award");

    public static Error InvalidState() => Of("award.invalid_state", ErrorKind.Conflict, "Award.error.invalid_state");

    public static Error NoticeEnded() => Of("award.notice_ended", ErrorKind.Conflict, "Award.error.notice_ended");

    public static Error EvidenceFull(int max) => Of("award.evidence_full", ErrorKind.Conflict, "Award.error.evidence_full", max);

    public static Error EvidenceClosed() => Of("award.evidence_closed", ErrorKind.Conflict, "Award.error.evidence_closed");

    private static Error Of(string code, ErrorKind kind, string key, params object[] args) => Error.Keyed(code, kind, key, args);
}
