using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Statement;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Reversal;

public sealed record ReverseTransactionRequest(string? Reason);

/// <summary>
/// A correction (冲正): the ledger is never edited, so a wrong movement is cancelled by its opposite, a
/// Reversal row pointing at it, posted through <see cref="IPointsLedger"/> under the source key
/// <c>reversal:{id}</c> (so it happens once however often it is asked). Taking back points takes at most
/// what is left (the balance never goes below zero; the row says how much was actually taken). Admins of
/// the subtree the movement was booked in may reverse; redemptions and their refunds are the market's to
/// cancel, and a reversal is not reversed again (post the right movement instead).
/// </summary>
public sealed class ReverseTransactionHandler(AppDbContext db, CurrentActor actor, IPointsLedger ledger, StatementHandler statement)
{
    public const int MaxReason = 200;

    public async Task<Result<PointTransactionDto>> HandleAsync(long transactionId, ReverseTransactionRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Error.Field("reason", "Points.error.reason_required");
        }

        if (reason.Length > MaxReason)
        {
            return Error.Field("reason", "Points.error.reason_too_long", MaxReason);
        }

        // Scoped: a movement booked outside the admin's subtree is not found.
        var original = await db.Set<PointTransaction>().AsNoTracking().Where(t => t.Id == transactionId)
            .Select(t => new { t.Id, t.PersonId, t.Amount, t.Kind })
            .SingleOrDefaultAsync(ct);
        if (original is null)
        {
            return new Error("points.transaction_not_found", ErrorKind.NotFound, Text.Get("Points.error.transaction_not_found"));
        }

        if (!StatementHandler.IsReversible(original.Kind))
        {
            return new Error("points.not_reversible", ErrorKind.Conflict, Text.Get(
                original.Kind == PointKind.Reversal ? "Points.error.reversal_of_reversal" : "Points.error.redemption_not_reversible"));
        }

        if (original.Amount == 0)
        {
            return new Error("points.not_reversible", ErrorKind.Conflict, Text.Get("Points.error.nothing_to_reverse"));
        }

        var posted = await ledger.PostAsync(
            new PointPosting(original.PersonId, -original.Amount, PointKind.Reversal, "reversal:" + original.Id, reason, DebitRule.UpToBalance, original.Id), ct);
        if (posted.Outcome != PostingOutcome.Posted)
        {
            // AlreadyPosted: reversed before (or by a simultaneous request a moment ago).
            return new Error("points.already_reversed", ErrorKind.Conflict, Text.Get("Points.error.already_reversed"));
        }

        var row = (await statement.RowsAsync(db.Set<PointTransaction>().Unscoped(because: Why.CrossUnitReference).AsNoTracking().Where(t => t.Id == posted.TransactionId), ct)).Single();
        return StatementHandler.ToDto(row, null);
    }
}
