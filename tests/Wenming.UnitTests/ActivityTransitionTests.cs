using Wenming.Web.Modules.Activities.Domain;

namespace Wenming.UnitTests;

/// <summary>The activity life cycle (DESIGN §4): every (state, action) pair, allowed or refused.</summary>
public sealed class ActivityTransitionTests
{
    private static readonly Dictionary<(ActivityStatus, ActivityAction), ActivityStatus> Allowed = new()
    {
        [(ActivityStatus.Draft, ActivityAction.Publish)] = ActivityStatus.Published,
        [(ActivityStatus.Draft, ActivityAction.Cancel)] = ActivityStatus.Cancelled,
        [(ActivityStatus.Published, ActivityAction.Start)] = ActivityStatus.Ongoing,
        [(ActivityStatus.Published, ActivityAction.Cancel)] = ActivityStatus.Cancelled,
        [(ActivityStatus.Ongoing, ActivityAction.Finish)] = ActivityStatus.Finished,
        [(ActivityStatus.Finished, ActivityAction.Archive)] = ActivityStatus.Archived,
    };

    public static TheoryData<ActivityStatus, ActivityAction> EveryPair()
    {
        var data = new TheoryData<ActivityStatus, ActivityAction>();
        foreach (var status in Enum.GetValues<ActivityStatus>())
        {
            foreach (var action in Enum.GetValues<ActivityAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Transition_FollowsTheTable_AndRefusesEverythingElse(ActivityStatus from, ActivityAction action)
    {
        var next = ActivityTransitions.Next(from, action);

        if (Allowed.TryGetValue((from, action), out var expected))
        {
            Assert.Equal(expected, next);
        }
        else
        {
            Assert.Null(next);
        }
    }

    [Fact]
    public void Apply_ARefusedTransition_KeepsTheStatus_AndAnswersInvalidTransition()
    {
        var now = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
        var activity = Activity.Create(1, 2, null, "宣讲", null, ActivityCategory.PromotePolicy, "村委会", now.AddDays(1), now.AddDays(1).AddHours(2), 10, null, null, null, null, null, now);

        Assert.Null(activity.Apply(ActivityAction.Publish));
        var refused = activity.Apply(ActivityAction.Publish);

        Assert.Equal("activity.invalid_transition", refused?.Code);
        Assert.Equal(ActivityStatus.Published, activity.Status);
        Assert.True(activity.IsSignUpOpen(now));
        Assert.False(activity.IsSignUpOpen(now.AddDays(1)));
    }
}
