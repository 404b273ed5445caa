using System.Text.RegularExpressions;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Modules.Orders.Features;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Localization;

namespace Wenming.UnitTests;

/// <summary>The order workflow (DESIGN §5) and the supervision lights (RULES.md), without a database.</summary>
public sealed partial class OrderRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    // Written out again on purpose: a change to the table in the code must be made here too.
    private static readonly Dictionary<(OrderStatus, OrderAction), OrderStatus> Allowed = new()
    {
        [(OrderStatus.Submitted, OrderAction.Dispatch)] = OrderStatus.Dispatched,
        [(OrderStatus.Submitted, OrderAction.Withdraw)] = OrderStatus.Withdrawn,
        [(OrderStatus.Submitted, OrderAction.Reject)] = OrderStatus.Rejected,
        [(OrderStatus.Submitted, OrderAction.Escalate)] = OrderStatus.Submitted,
        // Issue 17 (首办): passed to a department and claimed there, still waiting for dispatch.
        [(OrderStatus.Submitted, OrderAction.ToDepartment)] = OrderStatus.Submitted,
        [(OrderStatus.Submitted, OrderAction.FirstClaim)] = OrderStatus.Submitted,
        [(OrderStatus.Submitted, OrderAction.FlagOverdue)] = OrderStatus.Submitted,
        [(OrderStatus.Dispatched, OrderAction.Claim)] = OrderStatus.Accepted,
        [(OrderStatus.Dispatched, OrderAction.Accept)] = OrderStatus.Accepted,
        [(OrderStatus.Dispatched, OrderAction.Decline)] = OrderStatus.Submitted,
        [(OrderStatus.Dispatched, OrderAction.Withdraw)] = OrderStatus.Withdrawn,
        [(OrderStatus.Dispatched, OrderAction.Reject)] = OrderStatus.Rejected,
        [(OrderStatus.Dispatched, OrderAction.Reassign)] = OrderStatus.Dispatched,
        [(OrderStatus.Dispatched, OrderAction.Escalate)] = OrderStatus.Submitted,
        [(OrderStatus.Dispatched, OrderAction.ExpireAccept)] = OrderStatus.Submitted,
        [(OrderStatus.Accepted, OrderAction.Complete)] = OrderStatus.Completed,
        [(OrderStatus.Accepted, OrderAction.Reassign)] = OrderStatus.Dispatched,
        [(OrderStatus.Accepted, OrderAction.FlagOverdue)] = OrderStatus.Accepted,
        [(OrderStatus.Completed, OrderAction.Rate)] = OrderStatus.Rated,
        [(OrderStatus.Completed, OrderAction.AutoClose)] = OrderStatus.Closed,
        [(OrderStatus.Rated, OrderAction.AutoClose)] = OrderStatus.Closed,
    };

    public static TheoryData<OrderStatus, OrderAction> EveryPair()
    {
        var data = new TheoryData<OrderStatus, OrderAction>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var action in Enum.GetValues<OrderAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    private static Order Submitted()
    {
        var order = Order.Submit(1, 5, 5, null, "上门理发", "3组", null, "13912345678", 42, 7, false, OrderDeadlines.Defaults, Now);
        order.RecordSubmitted();
        return order;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Transition_FollowsTheTable_AndARefusedOneChangesNothing(OrderStatus from, OrderAction action)
    {
        var next = OrderTransitions.Next(from, action);
        if (Allowed.TryGetValue((from, action), out var expected))
        {
            Assert.Equal(expected, next);
            return;
        }

        Assert.Null(next);
        // The same refusal through the entity: status, version and history untouched.
        var order = Submitted();
        if (from != OrderStatus.Submitted)
        {
            return;
        }

        var version = order.Version;
        var error = order.Apply(action, 9, Now, null, OrderDeadlines.Defaults);
        Assert.Equal("order.invalid_transition", error!.Code);
        Assert.Equal(409, (int)error.Kind);
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(version, order.Version);
        Assert.Single(order.History);
    }

    [Fact]
    public void Steps_SetTheirDeadlines_FromTheCountysRules()
    {
        var rules = new OrderDeadlines(12, 6, 3, 5);
        var order = Order.Submit(1, 5, 5, null, "代购", null, null, "13912345678", 42, 7, false, rules, Now);
        order.RecordSubmitted();
        Assert.Equal(Now.AddHours(12), order.DeadlineAt);

        Assert.Null(order.Apply(OrderAction.Dispatch, 1, Now.AddHours(1), null, rules, o => o.SetDispatch(DispatchMode.Directed, 3)));
        Assert.Equal(Now.AddHours(7), order.DeadlineAt);
        Assert.Null(order.Apply(OrderAction.Accept, 2, Now.AddHours(2), null, rules, o => o.SetAccepted(3, Now.AddDays(2))));
        Assert.Equal(Now.AddDays(2), order.DeadlineAt);
        Assert.Null(order.Apply(OrderAction.Complete, 2, Now.AddDays(1), "完成", rules, o => o.SetCompleted("完成", Now.AddDays(1))));
        Assert.Equal(Now.AddDays(6), order.DeadlineAt);
        Assert.Equal(4, order.History.Count);
        Assert.Equal(3, order.Version);
    }

    [Fact]
    public void Lights_Blue_Yellow_Red_WhileOpen_GreenOrRed_WhenDone()
    {
        var order = Submitted();
        Assert.Equal(OrderLight.Blue, order.LightAt(Now.AddHours(19)));
        // Less than 20% of the 24 hours (4.8 h) left.
        Assert.Equal(OrderLight.Yellow, order.LightAt(Now.AddHours(20)));
        Assert.Equal(OrderLight.Red, order.LightAt(Now.AddHours(25)));

        order.Apply(OrderAction.Dispatch, 1, Now, null, OrderDeadlines.Defaults, o => o.SetDispatch(DispatchMode.Directed, 3));
        order.Apply(OrderAction.Accept, 2, Now, null, OrderDeadlines.Defaults, o => o.SetAccepted(3, Now.AddDays(1)));
        order.Apply(OrderAction.Complete, 2, Now.AddDays(2), null, OrderDeadlines.Defaults, o => o.SetCompleted("完成", Now.AddDays(2)));
        Assert.Equal(OrderLight.Red, order.LightAt(Now.AddDays(3)));

        var onTime = Submitted();
        onTime.Apply(OrderAction.Dispatch, 1, Now, null, OrderDeadlines.Defaults, o => o.SetDispatch(DispatchMode.Directed, 3));
        onTime.Apply(OrderAction.Accept, 2, Now, null, OrderDeadlines.Defaults, o => o.SetAccepted(3, Now.AddDays(1)));
        onTime.Apply(OrderAction.Complete, 2, Now.AddHours(5), null, OrderDeadlines.Defaults, o => o.SetCompleted("完成", Now.AddHours(5)));
        Assert.Equal(OrderLight.Green, onTime.LightAt(Now.AddDays(3)));

        var withdrawn = Submitted();
        withdrawn.Apply(OrderAction.Withdraw, 7, Now, null, OrderDeadlines.Defaults);
        Assert.Null(withdrawn.LightAt(Now));
    }

    [Theory]
    [InlineData("13912345678", true)]
    [InlineData("0571-88886666", true)]
    [InlineData("057188886666", true)]
    [InlineData("12345678901", false)]
    [InlineData("139123", false)]
    [InlineData("", false)]
    public void ContactPhone_IsAMobileOrALandlineWithAreaCode(string phone, bool valid) =>
        Assert.Equal(valid, OrderContactPhone.IsValid(phone));

    [GeneratedRegex(@"""(Orders\.[A-Za-z_.]+[A-Za-z_])""")]
    private static partial Regex OrdersKey();

    /// <summary>The Orders.* keys (which the shared key check does not look for) all have Chinese text, and every enum has its label.</summary>
    [Fact]
    public void EveryOrdersKeyUsedInCode_HasChineseText()
    {
        var root = Path.Combine(ResourceTests.RepoRoot(), "src", "Wenming.Web");
        var keys = Directory.EnumerateFiles(root, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.Contains("Orders", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => OrdersKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => !k.EndsWith('.'))
            .Distinct()
            .ToList();
        keys.AddRange(Enum.GetNames<OrderStatus>().Select(s => "Orders.status." + s));
        keys.AddRange(Enum.GetNames<OrderAction>().Select(s => "Orders.action." + s));
        keys.AddRange(Enum.GetNames<OrderLight>().Select(s => "Orders.light." + s));
        Assert.True(keys.Count > 50, "found only " + keys.Count);
        var notices = keys.Where(k => k.StartsWith("Orders.notice.", StringComparison.Ordinal)).SelectMany(k => new[] { k + ".title", k + ".body" }).ToList();
        var missing = keys.Where(k => !k.StartsWith("Orders.notice.", StringComparison.Ordinal)).Concat(notices).Where(k => !Text.Has(k)).ToList();
        Assert.Empty(missing);
    }
}
