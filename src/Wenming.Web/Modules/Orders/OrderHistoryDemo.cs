using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Orders;

/// <summary>
/// A year of the service loop in every village of the demo county (issue 12), so that the order trends and the
/// rankings show something real: more orders in the busy farming months' off-season and around 我们的节日 (春节,
/// 清明, 端午, 中秋, 重阳), most served on time and rated, some late, a few withdrawn. The orders walk the
/// domain's own transitions (<see cref="Domain.Order.Submit"/>, <see cref="Domain.Order.Apply"/>) at the moments they happened,
/// so their history, deadlines and lights are those a real order would have; the live orders of
/// <see cref="OrdersDemo"/> stay as the tests know them. Deterministic (no random). Their completion posts no
/// service hours or points: that history comes from ServiceHistoryDemo.
/// </summary>
internal sealed class OrderHistoryDemo(AppDbContext db, IPeopleDirectory people, IVolunteerDirectory volunteers, TimeProvider clock) : IDemoSeedStep
{
    private static readonly string[] Needs =
    [
        "老人腿脚不便，想请志愿者上门理发", "帮忙代买降压药和生活用品", "电饭煲坏了想请人看看", "想请人帮忙读报、聊聊天",
        "家里电线老化，想请电工检查", "孩子放学后想找人辅导作业", "想咨询医保报销怎么办", "帮忙打扫院子、清理杂物",
    ];

    // After OrdersDemo (200): the live orders come first, as the tests count them.
    public int Order => 205;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now + Text.ChinaOffset);
        var deadlines = OrderDeadlines.Defaults;
        var countyTeams = await volunteers.TeamsOfUnitUnscopedAsync(demo.CountyId, ct);
        var orders = new List<(Domain.Order Order, Action<Domain.Order> Then)>();
        foreach (var (village, v) in demo.VillageIds.Select((id, i) => (id, i)))
        {
            var requesters = (await people.InUnitAsync(village, 20, ct)).Where(p => !demo.PersonIdByLogin.Values.Contains(p.Id)).ToList();
            var teams = await volunteers.TeamsOfUnitUnscopedAsync(village, ct);
            var team = teams.Count > 0 ? teams[0] : countyTeams.Count > 0 ? countyTeams[0] : null;
            if (requesters.Count == 0 || team is null)
            {
                continue;
            }

            for (var monthsAgo = 12; monthsAgo >= 1; monthsAgo--)
            {
                var month = today.AddMonths(-monthsAgo);
                // Busy villages and quiet ones; more in winter and around the festivals.
                var count = 1 + (v % 3) + Season(month.Month);
                for (var n = 0; n < count; n++)
                {
                    var k = (v * 31) + (monthsAgo * 7) + n;
                    var day = new DateOnly(month.Year, month.Month, 1 + (k * 3 % 27));
                    var submitted = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(8 + (k % 10), k * 7 % 60)) - Text.ChinaOffset, DateTimeKind.Utc);
                    if (submitted > now.AddDays(-2))
                    {
                        continue;
                    }

                    var requester = requesters[k % requesters.Count];
                    var order = Domain.Order.Submit(demo.CountyId, village, village, null, Needs[k % Needs.Length], null, submitted.AddDays(1), requester.Phone,
                        requester.Id, null, onBehalf: false, deadlines, submitted);
                    orders.Add((order, o => Serve(o, k, team.Id, submitted, deadlines, now)));
                }
            }
        }

        // Saved first so the history's first entry carries the order's id (Domain.Order.RecordSubmitted).
        db.AddRange(orders.Select(o => o.Order));
        await db.SaveChangesAsync(ct);
        foreach (var (order, then) in orders)
        {
            order.RecordSubmitted();
            then(order);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Extra orders of a month: winter and the festivals' months (春节, 清明, 端午, 中秋 and 重阳) are busy.</summary>
    private static int Season(int month) => month switch
    {
        1 or 2 => 3,
        4 or 6 => 2,
        9 or 10 => 3,
        12 => 1,
        _ => 0,
    };

    /// <summary>
    /// Dispatched within hours, accepted with a due time, completed (one in seven after its due time) and mostly
    /// rated, then closed as the deadline job would have; one in eleven withdrawn before anyone took it.
    /// </summary>
    private static void Serve(Domain.Order order, int k, long teamId, DateTime submitted, OrderDeadlines deadlines, DateTime now)
    {
        if (k % 11 == 5)
        {
            Check(order.Apply(OrderAction.Withdraw, null, submitted.AddHours(1), null, deadlines));
            return;
        }

        var dispatched = submitted.AddHours(1 + (k % 5));
        Check(order.Apply(OrderAction.Dispatch, null, dispatched, null, deadlines, o => o.SetDispatch(DispatchMode.Directed, teamId)));
        var accepted = dispatched.AddHours(2 + (k % 7));
        var due = accepted.AddDays(2);
        Check(order.Apply(OrderAction.Accept, null, accepted, null, deadlines, o => o.SetAccepted(teamId, due)));
        var completed = k % 7 == 3 ? due.AddHours(5 + (k % 20)) : accepted.AddHours(4 + (k % 30));
        Check(order.Apply(OrderAction.Complete, null, completed, null, deadlines, o => o.SetCompleted("已上门服务，群众满意", completed)));
        if (k % 4 != 0)
        {
            var stars = k % 7 == 3 ? 3 : 4 + (k % 3 == 0 ? 0 : 1);
            Check(order.Apply(OrderAction.Rate, null, completed.AddHours(6), null, deadlines, o => o.SetRating(stars, null)));
        }

        // Closed when the deadline job would have closed it: left completed or rated, a year of orders would wait
        // for the job's first batches and hold up the live ones behind them.
        if (order.DeadlineAt is { } closes && closes < now)
        {
            Check(order.Apply(OrderAction.AutoClose, null, closes, null, deadlines));
        }
    }

    private static void Check(Platform.Errors.Error? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Demo order history: {error.Code} {error.Message}");
        }
    }
}
