using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Tasks;

namespace Wenming.UnitTests;

/// <summary>
/// RULES.md 亮灯 for 督办 tasks at each boundary, in China time: a task assigned on 1 December 00:00 (+08:00) and due by the end
/// of 10 December (23:59:59 +08:00). The list filter (<see cref="SupervisionTasksHandler.WithLight"/>) must agree with the chip
/// (<see cref="SupervisionTask.LightAt"/>) at every instant, so both are walked together.
/// </summary>
public sealed class SupervisionLightTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTime Assigned = At(2026, 12, 1, 0, 0, 0);
    private static readonly DateTime Due = At(2026, 12, 10, 23, 59, 59);

    private static DateTime At(int y, int mo, int d, int h, int mi, int s) => new DateTimeOffset(y, mo, d, h, mi, s, China).UtcDateTime;

    private static SupervisionTask NewTask(int percent = 0)
    {
        var task = SupervisionTask.Assign(1, 2, 1, 9, "town1", "冬季环境卫生整治", null, Due, Assigned);
        task.Report(percent);
        return task;
    }

    private static void AssertLight(SupervisionTask task, DateTime now, SupervisionLight expected)
    {
        Assert.Equal(expected, task.LightAt(now));
        foreach (var light in Enum.GetValues<SupervisionLight>())
        {
            var listed = SupervisionTasksHandler.WithLight(new[] { task }.AsQueryable(), light, now).Any();
            Assert.True(listed == (light == expected), $"filter {light} at {now:O} listed={listed}, chip {expected}");
        }
    }

    [Fact]
    public void Open_task_is_yellow_at_the_last_second_of_its_due_day_and_red_at_midnight_China_time()
    {
        var task = NewTask(percent: 90);
        AssertLight(task, At(2026, 12, 10, 23, 59, 59), SupervisionLight.Yellow);
        AssertLight(task, At(2026, 12, 11, 0, 0, 0), SupervisionLight.Red);
    }

    [Fact]
    public void Open_task_turns_yellow_just_after_twenty_percent_of_its_time_is_left()
    {
        var task = NewTask(percent: 90);
        var yellowFrom = Due - ((Due - Assigned) * 0.2);
        AssertLight(task, yellowFrom, SupervisionLight.Blue);
        AssertLight(task, yellowFrom.AddSeconds(1), SupervisionLight.Yellow);
    }

    [Fact]
    public void Open_task_is_behind_plan_from_halfway_with_less_than_half_its_work_reported()
    {
        var halfway = Assigned + ((Due - Assigned) / 2);
        AssertLight(NewTask(percent: 49), halfway.AddSeconds(-1), SupervisionLight.Blue);
        AssertLight(NewTask(percent: 49), halfway, SupervisionLight.Yellow);
        AssertLight(NewTask(percent: 50), halfway, SupervisionLight.Blue);
    }

    [Fact]
    public void Done_on_the_due_day_is_green_done_after_midnight_is_red_for_good()
    {
        var onTime = NewTask();
        Assert.True(onTime.Complete(At(2026, 12, 10, 23, 59, 59)));
        AssertLight(onTime, At(2027, 1, 5, 9, 0, 0), SupervisionLight.Green);

        var late = NewTask();
        Assert.True(late.Complete(At(2026, 12, 11, 0, 0, 0)));
        AssertLight(late, At(2027, 1, 5, 9, 0, 0), SupervisionLight.Red);
    }

    [Fact]
    public void Finished_task_takes_no_progress_urge_or_second_completion_and_percent_never_goes_back()
    {
        var task = NewTask(percent: 60);
        task.Report(30);
        Assert.Equal(60, task.Percent);
        Assert.True(task.Urge(At(2026, 12, 5, 9, 0, 0)));
        Assert.Equal(1, task.UrgeCount);
        Assert.True(task.Complete(At(2026, 12, 6, 9, 0, 0)));
        Assert.Equal(100, task.Percent);
        Assert.False(task.Report(100));
        Assert.False(task.Urge(At(2026, 12, 7, 9, 0, 0)));
        Assert.False(task.Complete(At(2026, 12, 7, 9, 0, 0)));
        Assert.Equal(1, task.UrgeCount);
    }
}
