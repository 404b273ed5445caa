using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary>The body of <c>/reject</c> and <c>/revoke</c>.</summary>
public sealed record AwardReasonRequest(string? Reason);

/// <summary>
/// The second person's part (监督): approve or reject a proposal, and withdraw an approved award on an
/// objection while its notice runs. Admins of the subtree and the supervisor decide; never the proposer,
/// and never about their own points. Each save is <c>UPDATE … WHERE "Version" = @seen</c>, so of two
/// racing decisions exactly one lands and the other answers 409.
/// </summary>
public sealed class DecideAwardHandler(
    AppDbContext db, CurrentActor actor, PointRulesReader rules, INotifier notifier, AwardReader reader, TimeProvider clock)
{
    public async Task<Result<AwardDto>> ApproveAsync(long id, CancellationToken ct)
    {
        var found = await DecidableAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var award = found.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var limits = await rules.ForCountyAsync(award.CountyId, ct);
        if (!award.Approve(actor.UserId, actor.Login, limits.NoticeDays, now))
        {
            return AwardErrors.InvalidState();
        }

        await notifier.ToPersonAsync(award.PersonId, Notice(award.IsDeduction ? "Award.notice.deduction_approved" : "Award.notice.approved", award), ct);
        return await SaveAsync(award, ct);
    }

    public async Task<Result<AwardDto>> RejectAsync(long id, AwardReasonRequest request, CancellationToken ct)
    {
        var found = await DecidableAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (CheckReason(request) is { } invalid)
        {
            return invalid;
        }

        var award = found.Value;
        return award.Reject(actor.UserId, actor.Login, request.Reason!, clock.GetUtcNow().UtcDateTime) ? await SaveAsync(award, ct) : AwardErrors.InvalidState();
    }

    /// <summary>An objection during the notice: the award is withdrawn before anything is posted.</summary>
    public async Task<Result<AwardDto>> RevokeAsync(long id, AwardReasonRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var award = await db.Set<PointAward>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (award is null)
        {
            return AwardErrors.NotFound();
        }

        if (CheckReason(request) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (award.Status != AwardStatus.Approved)
        {
            return AwardErrors.InvalidState();
        }

        if (!award.Revoke(actor.UserId, actor.Login, request.Reason!, now))
        {
            return AwardErrors.NoticeEnded();
        }

        await notifier.ToPersonAsync(award.PersonId, Notice("Award.notice.revoked", award), ct);
        return await SaveAsync(award, ct);
    }

    /// <summary>Role (403), scope (404), the two-person rule (403), in that order.</summary>
    private async Task<Result<PointAward>> DecidableAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var award = await db.Set<PointAward>().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (award is null)
        {
            return AwardErrors.NotFound();
        }

        if (award.ProposedByUserId == actor.UserId)
        {
            return AwardErrors.SelfApproval();
        }

        if (actor.PersonId == award.PersonId)
        {
            return AwardErrors.OwnAward();
        }

        return award;
    }

    private async Task<Result<AwardDto>> SaveAsync(PointAward award, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else decided (or the job credited) this award meanwhile.
            return AwardErrors.InvalidState();
        }

        return await reader.DtoAsync(award, ct);
    }

    private static Error? CheckReason(AwardReasonRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return FieldErrors.Required("reason", "Award.field.decisionReason");
        }

        return request.Reason.Trim().Length > PointAward.MaxReasonLength
            ? FieldErrors.TooLong("reason", "Award.field.decisionReason", PointAward.MaxReasonLength)
            : null;
    }

    internal static Notice Notice(string key, PointAward award) => new(
        Text.Get(key + ".title"),
        Text.Get(key + ".body", AwardLabels.Category(award.Category), Math.Abs(award.Points), award.NoticeEndsAt is { } end ? Text.Display(end) : "", award.Reason),
        "/awards/notices");
}
