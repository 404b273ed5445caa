using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Orders.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Points.Features.Earning;

/// <summary>
/// Points for attending an activity (to each attendee, once per activity: <c>activity:{id}:attended</c>)
/// and for a completed order (to each serving volunteer, once per order: <c>order:{id}:completed</c>), on
/// top of the hours, which come through the service records. Amounts from the source unit's rules.
/// </summary>
public sealed class AttendanceAndOrderEarning(IPointsLedger ledger, PointRulesReader rules, IVolunteerDirectory volunteers)
    : IEventHandler<ActivityFinished>, IEventHandler<OrderCompleted>
{
    public async Task HandleAsync(ActivityFinished evt, CancellationToken ct)
    {
        var amount = (await rules.ForUnitAsync(evt.OrgUnitId, ct)).PerActivityAttended;
        if (amount <= 0 || evt.AttendeeVolunteerIds.Count == 0)
        {
            return;
        }

        var persons = await volunteers.PersonIdsUnscopedAsync(evt.AttendeeVolunteerIds, ct);
        var reason = EarningAmounts.Reason(Text.Get("Earn.reason.activity_attended", evt.Title));
        foreach (var personId in persons.Values.Distinct().Order())
        {
            await ledger.PostAsync(new PointPosting(personId, amount, PointKind.ActivityAttended, $"activity:{evt.ActivityId}:attended", reason), ct);
        }
    }

    public async Task HandleAsync(OrderCompleted evt, CancellationToken ct)
    {
        var amount = (await rules.ForUnitAsync(evt.OrgUnitId, ct)).PerCompletedOrder;
        if (amount <= 0)
        {
            return;
        }

        var reason = EarningAmounts.Reason(Text.Get("Earn.reason.order_completed", evt.Title));
        foreach (var personId in evt.ServingPersonIds.Distinct().Order())
        {
            await ledger.PostAsync(new PointPosting(personId, amount, PointKind.OrderCompleted, $"order:{evt.OrderId}:completed", reason), ct);
        }
    }
}
