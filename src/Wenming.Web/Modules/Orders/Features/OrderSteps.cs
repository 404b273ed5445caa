using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features;

/// <summary>
/// Runs one step of an order: the transition table, the history entry, the notices to the next actor
/// and any follow-up writes (service records) in one transaction. The save is an UPDATE … WHERE
/// "Version" = @seen: when another actor moved the order first, nothing is written and the caller gets
/// 409 order.invalid_transition, the same answer as a step the table refuses.
/// </summary>
public sealed class OrderSteps(AppDbContext db, CurrentActor actor, OrgScope scope, OrderDeadlineRules rules, TimeProvider clock)
{
    /// <param name="order">Tracked, loaded by <see cref="OrderAccess"/>.</param>
    /// <param name="unrestricted">
    /// For requesters and team leaders, whose own subtree may not hold the order's unit; the caller has
    /// authorized them explicitly (OrderAccess), so the write guard is lifted for this save only.
    /// </param>
    /// <param name="after">Notices and follow-up writes, run after the step is saved, in its transaction.</param>
    public async Task<Error?> RunAsync(
        Order order, OrderAction action, string? note, Action<Order>? change, bool unrestricted, Func<Order, CancellationToken, Task>? after, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var deadlines = await rules.ForCountyAsync(order.CountyId, ct);
        if (order.Apply(action, actor.UserId, now, note, deadlines, change) is { } refused)
        {
            return refused;
        }

        using (unrestricted ? scope.Unscoped(because: Why.CrossUnitReference) : null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return OrderErrors.InvalidTransition();
            }

            if (after is not null)
            {
                // The follow-ups write for other people than the actor (notices to the parent unit's
                // admins, service records of the team's volunteers), which the step itself authorized.
                using (scope.Unscoped(because: Why.CrossUnitReference))
                {
                    await after(order, ct);
                    await db.SaveChangesAsync(ct);
                }
            }

            await transaction.CommitAsync(ct);
        }

        return null;
    }
}
