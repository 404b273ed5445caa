namespace Wenming.Web.Platform.Lights;

/// <summary>
/// The supervision light (RULES.md 亮灯) in its module-neutral form. The values are ordered by severity, so that the
/// light of something with several deadlines is the worst of its steps' (<see cref="LightRule.Worst"/>). Modules keep
/// their own enums for their API (<c>OrderLight</c>, <c>SupervisionLight</c>, …) with the same names and values.
/// </summary>
public enum Light
{
    Green = 1,
    Blue = 2,
    Yellow = 3,
    Red = 4,
}

/// <summary>
/// The one rule behind every light (ADR 0043; tasks, orders, reports, visits): a step with a start and a due instant
/// (inclusive) is 绿 when done on or before it, 红 when done after it or still open past it, 黄 when open with less than
/// 20% of its time left (or behind plan, where a module has a plan), else 蓝. A module stores
/// <see cref="YellowFrom"/> next to its due time when it wants to filter by light in SQL.
/// </summary>
public static class LightRule
{
    /// <summary>Less than this share of a step's time left turns it yellow (RULES.md: 20%).</summary>
    public const double AtRiskShare = 0.2;

    /// <summary>From after this instant an open step has less than 20% of its time left.</summary>
    public static DateTime YellowFrom(DateTime start, DateTime due) => due - ((due - start) * AtRiskShare);

    /// <summary>A finished step: red when done after its due instant, else green (no due instant: green).</summary>
    public static Light Done(DateTime? doneAt, DateTime? dueAt) => doneAt is { } done && dueAt is { } due && done > due ? Light.Red : Light.Green;

    /// <summary>An open step: red past its due instant, yellow past <paramref name="yellowFrom"/> or behind plan, else blue.</summary>
    public static Light Open(DateTime dueAt, DateTime yellowFrom, DateTime nowUtc, bool behindPlan = false) =>
        nowUtc > dueAt ? Light.Red : nowUtc > yellowFrom || behindPlan ? Light.Yellow : Light.Blue;

    /// <summary>One step from its start to its due instant, done at <paramref name="doneAt"/> or still open.</summary>
    public static Light Step(DateTime start, DateTime dueAt, DateTime? doneAt, DateTime nowUtc) =>
        doneAt is null ? Open(dueAt, YellowFrom(start, dueAt), nowUtc) : Done(doneAt, dueAt);

    /// <summary>Something with several steps shows its worst one: any red is red, all green is green.</summary>
    public static Light Worst(params ReadOnlySpan<Light> lights)
    {
        var worst = Light.Green;
        foreach (var light in lights)
        {
            worst = light > worst ? light : worst;
        }

        return worst;
    }
}
