using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Statistics.Features.Rollups;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Statistics.Features;

/// <summary>The query string of the overview, the ranking and the trend: dates in China time, inclusive (API.md).</summary>
public sealed record StatsRequest
{
    public long? OrgUnitId { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Level { get; set; }

    public string? Indicator { get; set; }

    public string? Months { get; set; }
}

public sealed record VolunteerFigures(decimal Registered, decimal Active);

public sealed record ActivityFigures(decimal Held, decimal Participants);

/// <param name="OnTimeRate">Completed on time over completed, 0–1; null when nothing was completed.</param>
/// <param name="Satisfaction">Average stars of the rated ones, 1–5; null when none was rated.</param>
public sealed record OrderFigures(decimal Submitted, decimal Completed, decimal? OnTimeRate, decimal? Satisfaction);

public sealed record PointFigures(decimal Issued, decimal Redeemed);

public sealed record LightFigures(decimal Green, decimal Blue, decimal Yellow, decimal Red);

/// <summary>Every indicator, also those later modules contribute, with this period and the one before.</summary>
/// <param name="Percent">A rate from 0 to 1, shown as a percentage (<see cref="IndicatorInfo.Percent"/>).</param>
public sealed record IndicatorFigure(string Key, string Label, decimal? Value, decimal? Previous, bool HigherIsBetter, bool Percent);

public sealed record OverviewDto(
    long OrgUnitId, string Name, string Level, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo,
    VolunteerFigures Volunteers, decimal Teams, ActivityFigures Activities, decimal Hours, OrderFigures Orders, PointFigures Points,
    decimal GoodsRedeemed, LightFigures Lights, IReadOnlyList<IndicatorFigure> Indicators);

public sealed record RankingItemDto(long OrgUnitId, string Name, decimal? Value, int Rank);

public sealed record TrendPointDto(string Month, decimal? Value);

/// <summary>
/// The statistics of a unit's subtree (DESIGN §11, API.md stats rows). The indicators come from every module's
/// <see cref="IIndicatorSource"/> (ADR 0040); this class only picks the window, asks each source for its figures
/// per unit, and adds units up along the org tree's paths. Every source reads through the scoped db context, so no
/// figure includes a row outside the caller's subtree, and the unit asked for must be visible (404 otherwise).
/// The flow indicators a source rolls up are read from the roll-ups' subtree totals instead (ADR 0061): the subtree of a
/// visible unit is visible whole, so its total holds no row outside the caller's subtree either.
/// </summary>
public sealed class StatisticsQueries(
    IEnumerable<IIndicatorSource> sources, IOrgDirectory orgs, CurrentActor actor, TimeProvider clock, StatRollupStore rollups, AppDbContext db,
    IServiceProvider services)
{
    private bool _rolledUp;

    public const int MaxMonths = 36;
    public const int MaxDays = 3660;

    private readonly Dictionary<string, List<(IIndicatorSource Source, IndicatorInfo Info)>> _indicators = sources
        .SelectMany(s => s.Indicators.Select(i => (Source: s, Info: i)))
        .GroupBy(x => x.Info.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>The indicators on offer, in display order (their first contribution's order and label).</summary>
    public IReadOnlyList<IndicatorInfo> Indicators =>
        [.. _indicators.Values.Select(l => l[0].Info).OrderBy(i => i.Order).ThenBy(i => i.Key, StringComparer.Ordinal)];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + Text.ChinaOffset);

    /// <summary>Statistics are for those who steer: admins of every tier and supervisors.</summary>
    public Error? CheckRole() => actor.RequireOverseer();

    public async Task<Result<OverviewDto>> OverviewAsync(StatsRequest request, CancellationToken ct)
    {
        if (CheckRole() is { } forbidden)
        {
            return forbidden;
        }

        var errors = new FieldErrors();
        var window = ParseWindow(request, errors);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }

        return await OverviewOfVisibleAsync(request.OrgUnitId ?? actor.OrgUnitId, window!, ct);
    }

    /// <summary>The overview without the role check: for the public data screen, whose caller proved a county's key.</summary>
    internal async Task<Result<OverviewDto>> OverviewOfVisibleAsync(long? unitId, IndicatorWindow window, CancellationToken ct)
    {
        await HoldConnectionAsync(ct);
        if (unitId is not { } id || await orgs.FindAsync(id, ct) is not { } unit)
        {
            return Error.NotFound("org.not_found");
        }

        var unitIds = orgs.UnitIdsUnder(unit);
        var (previousFrom, previousTo) = PreviousPeriod(window.From, window.To);
        var previous = new IndicatorWindow(previousFrom, previousTo, window.NowUtc);
        var now = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var before = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var (into, period) in new[] { (now, window), (before, previous) })
        {
            var plans = _indicators.Keys.ToDictionary(k => k, k => PlanOf(k, period), StringComparer.Ordinal);
            var rolledUp = plans.Values.SelectMany(p => p.Rolled).Distinct(StringComparer.Ordinal).ToList();
            // Every rolled-up key of a window in one statement (ADR 0064), the stocks and the closed orders' lights too
            // (ADR 0066); the rest is counted per request.
            var totals = await RolledUpTotalsAsync(rolledUp, [unit.Id], period, ct);
            foreach (var (key, plan) in plans)
            {
                into[key] = Figure(key, plan, k => totals.GetValueOrDefault((k, unit.Id)), await CountedAsync(plan, unitIds, period, ct));
            }
        }

        decimal V(string key) => now.GetValueOrDefault(key) ?? 0;
        return new OverviewDto(
            unit.Id, unit.Name, unit.Level.ToString(), window.From, window.To, previous.From, previous.To,
            new VolunteerFigures(V("volunteersRegistered"), V("volunteersActive")),
            V("teams"),
            new ActivityFigures(V("activities"), V("participants")),
            V("hours"),
            new OrderFigures(V("ordersSubmitted"), V("ordersCompleted"), now.GetValueOrDefault("onTimeRate"), now.GetValueOrDefault("satisfaction")),
            new PointFigures(V("pointsIssued"), V("pointsRedeemed")),
            V("goodsRedeemed"),
            new LightFigures(V("lightsGreen"), V("lightsBlue"), V("lightsYellow"), V("lightsRed")),
            [.. Indicators.Select(i => new IndicatorFigure(i.Key, Text.Get(i.LabelKey), now[i.Key], before[i.Key], i.HigherIsBetter, i.Percent))]);
    }

    public async Task<Result<List<RankingItemDto>>> RankingAsync(StatsRequest request, CancellationToken ct)
    {
        if (CheckRole() is { } forbidden)
        {
            return forbidden;
        }

        return await RankingOfVisibleAsync(request, ct);
    }

    /// <summary>The ranking without the role check: for the public data screen, whose caller proved a county's key.</summary>
    internal async Task<Result<List<RankingItemDto>>> RankingOfVisibleAsync(StatsRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var window = ParseWindow(request, errors);
        var key = ParseIndicator(request.Indicator, errors);
        OrgLevel? level = null;
        if (!string.IsNullOrWhiteSpace(request.Level))
        {
            if (Enum.TryParse<OrgLevel>(request.Level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(request.Level, out _))
            {
                level = parsed;
            }
            else
            {
                errors.Add("level", "Statistics.error.level");
            }
        }

        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }

        await HoldConnectionAsync(ct);
        if ((request.OrgUnitId ?? actor.OrgUnitId) is not { } unitId || await orgs.FindAsync(unitId, ct) is not { } unit)
        {
            return Error.NotFound("org.not_found");
        }

        var unitIds = orgs.UnitIdsUnder(unit);

        var targetLevel = level ?? (unit.Level < OrgLevel.Point ? unit.Level + 1 : OrgLevel.Point);
        var visible = await orgs.VisibleUnitsAsync(ct);
        var targets = visible
            .Where(u => u.Level == targetLevel && u.Id != unit.Id && u.Path.StartsWith(unit.Path, StringComparison.Ordinal) && u.Status == OrgUnitStatus.Active)
            .ToList();
        var totals = await SubtreeTotalsAsync(key!, [.. targets.Select(t => t.Id)], unitIds, window!, ct, visible);
        var values = targets
            .Select(t => (Unit: t, Value: totals[t.Id]))
            .OrderByDescending(x => x.Value ?? decimal.MinValue).ThenBy(x => x.Unit.Path, StringComparer.Ordinal)
            .ToList();
        var items = new List<RankingItemDto>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var rank = i > 0 && values[i].Value == values[i - 1].Value ? items[i - 1].Rank : i + 1;
            items.Add(new RankingItemDto(values[i].Unit.Id, values[i].Unit.Name, values[i].Value, rank));
        }

        return items;
    }

    public async Task<Result<List<TrendPointDto>>> TrendAsync(StatsRequest request, CancellationToken ct)
    {
        if (CheckRole() is { } forbidden)
        {
            return forbidden;
        }

        var errors = new FieldErrors();
        var key = ParseIndicator(request.Indicator, errors);
        var months = 12;
        if (!string.IsNullOrWhiteSpace(request.Months)
            && (!int.TryParse(request.Months, NumberStyles.None, CultureInfo.InvariantCulture, out months) || months is < 1 or > MaxMonths))
        {
            errors.Add("months", "Statistics.error.months", MaxMonths);
        }

        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }

        await HoldConnectionAsync(ct);
        if ((request.OrgUnitId ?? actor.OrgUnitId) is not { } unitId || await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
        {
            return Error.NotFound("org.not_found");
        }

        return await TrendOfVisibleAsync(key!, unitId, unitIds, months, ct);
    }

    internal async Task<List<TrendPointDto>> TrendOfVisibleAsync(string key, long unitId, IQueryable<long> unitIds, int months, CancellationToken ct)
    {
        var today = Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var points = new List<TrendPointDto>(months);
        // Every month of a trend is a whole month, which every rolled-up key holds.
        var plan = PlanOf(key, new IndicatorWindow(first, first.AddMonths(1).AddDays(-1), nowUtc));
        if (plan.Rolled.Count > 0)
        {
            await EnsureCurrentAsync(ct);
        }

        // The months are whole: their month rows, in one statement per rolled-up key (ADR 0064).
        var rows = new Dictionary<string, Dictionary<DateOnly, (long Value, long Weight)>>(StringComparer.Ordinal);
        foreach (var rolledKey in plan.Rolled)
        {
            rows[rolledKey] = await rollups.MonthsAsync(rolledKey, unitId, first, months, ct);
        }

        for (var m = 0; m < months; m++)
        {
            var start = first.AddMonths(m);
            var window = new IndicatorWindow(start, start.AddMonths(1).AddDays(-1), nowUtc);
            var counted = await CountedAsync(plan, unitIds, window, ct);
            points.Add(new TrendPointDto(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), Figure(key, plan, k => rows[k].GetValueOrDefault(start), counted)));
        }

        return points;
    }

    /// <summary>
    /// The period an overview compares with (环比). A month so far, or a whole month, against the same days of the month
    /// before (1–4 December against 1–4 November; a month's last day against the last day of the month before); whole
    /// months against as many whole months before (a quarter against the quarter before); any other window against as
    /// many days ending the day before it. So the monthly meeting's default compares like with like, and the roll-ups
    /// hold the previous period's figures too (a distinct count such as volunteers active is rolled up by month, ADR 0068).
    /// </summary>
    public static (DateOnly From, DateOnly To) PreviousPeriod(DateOnly from, DateOnly to)
    {
        static bool LastOfMonth(DateOnly d) => d.AddDays(1).Day == 1;
        if (from.Day == 1 && LastOfMonth(to) && to >= from)
        {
            var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
            return (from.AddMonths(-months), from.AddDays(-1));
        }

        if (from.Day == 1 && to >= from && to.Year == from.Year && to.Month == from.Month)
        {
            // AddMonths clamps: 1–30 March against 1–28 February (the whole month before, as 1–31 March would be).
            return (from.AddMonths(-1), to.AddMonths(-1));
        }

        var days = to.DayNumber - from.DayNumber + 1;
        return (from.AddDays(-days), from.AddDays(-1));
    }

    /// <summary>The window asked for; by default this month so far.</summary>
    public IndicatorWindow? ParseWindow(StatsRequest request, FieldErrors errors)
    {
        var today = Today;
        var from = ParseDate(request.From, "from", new DateOnly(today.Year, today.Month, 1), errors);
        var to = ParseDate(request.To, "to", today, errors);
        if (from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            errors.Add("to", "Statistics.error.to_before_from");
            return null;
        }

        if (to.Value.DayNumber - from.Value.DayNumber >= MaxDays)
        {
            errors.Add("to", "Statistics.error.too_long", MaxDays);
            return null;
        }

        return new IndicatorWindow(from.Value, to.Value, clock.GetUtcNow().UtcDateTime);
    }

    private static DateOnly? ParseDate(string? text, string field, DateOnly fallback, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, "Statistics.error.date");
        return null;
    }

    internal string? ParseIndicator(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("indicator", "Statistics.error.indicator_required");
            return null;
        }

        var key = _indicators.Keys.FirstOrDefault(k => string.Equals(k, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            errors.Add("indicator", "Statistics.error.indicator", string.Join("、", _indicators.Keys.Order(StringComparer.Ordinal)));
        }

        return key;
    }

    /// <summary>Whether some module offers the indicator (the lights come from the orders module).</summary>
    internal bool Offers(string key) => _indicators.ContainsKey(key);

    internal IndicatorAggregate Aggregate(string key) => _indicators[key][0].Info.Aggregate;

    /// <summary>
    /// How an indicator's figure is had (ADR 0061, 0066): the roll-up keys read (the indicator's own, or the parts of it
    /// that are final) and the counts made per request (the sources that roll none of it up ask
    /// <see cref="IIndicatorSource.ComputeAsync"/>, those that roll up a part ask <see cref="IRolledUpSource.ComputeRestAsync"/>).
    /// Several modules may contribute to one indicator; their figures are added. A key the roll-up cannot answer for the
    /// window (a distinct count over a window that is not from a month's first day within that month, ADR 0068) is
    /// counted per request.
    /// </summary>
    private sealed record Plan(IReadOnlyList<string> Rolled, IReadOnlyList<Func<IQueryable<long>, IndicatorWindow, CancellationToken, Task<IReadOnlyList<UnitFigure>>>> Counted);

    private Plan PlanOf(string key, IndicatorWindow window)
    {
        var rolled = new List<string>();
        var counted = new List<Func<IQueryable<long>, IndicatorWindow, CancellationToken, Task<IReadOnlyList<UnitFigure>>>>();
        foreach (var (source, _) in _indicators[key])
        {
            List<RolledUpKey> specs = source is IRolledUpSource r ? [.. r.RolledUp.Where(k => k.Indicator == key && k.Holds(window.From, window.To))] : [];
            rolled.AddRange(specs.Select(k => k.Key));
            if (specs.Count == 0)
            {
                counted.Add((unitIds, window, ct) => source.ComputeAsync(key, unitIds, window, ct));
            }
            else if (specs.Any(k => k.PartOf is not null))
            {
                var partly = (IRolledUpSource)source;
                counted.Add((unitIds, window, ct) => partly.ComputeRestAsync(key, unitIds, window, ct));
            }
        }

        return new Plan(rolled, counted);
    }

    private static async Task<List<UnitFigure>> CountedAsync(Plan plan, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var all = new List<UnitFigure>();
        foreach (var count in plan.Counted)
        {
            all.AddRange(await count(unitIds, window, ct));
        }

        return all;
    }

    /// <summary>The roll-ups' totals of <paramref name="keys"/> for the subtrees of <paramref name="targets"/>, brought up to date first (none asked: none read).</summary>
    private async Task<Dictionary<(string Key, long Unit), (long Value, long Weight)>> RolledUpTotalsAsync(
        IReadOnlyCollection<string> keys, IReadOnlyCollection<long> targets, IndicatorWindow window, CancellationToken ct, long? county = null)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        await EnsureCurrentAsync(ct);
        return await rollups.TotalsAsync(keys, targets, window.From, window.To, ct, county);
    }

    /// <summary>
    /// One figure of a subtree: its rolled-up totals and its counted figures. An indicator read from one roll-up key
    /// alone is finished as the roll-up finishes it (rounded after adding up); else the parts are added as figures.
    /// </summary>
    private decimal? Figure(string key, Plan plan, Func<string, (long Value, long Weight)> rolled, IEnumerable<UnitFigure> counted)
    {
        if (plan is { Rolled: [var only], Counted.Count: 0 })
        {
            return rollups.Finish(only, Aggregate(key), rolled(only));
        }

        var figures = plan.Rolled.Select(k =>
        {
            var (value, weight) = rolled(k);
            return new UnitFigure(0, rollups.Scaled(k, value), weight);
        });
        return Total(figures.Concat(counted), Aggregate(key));
    }

    /// <summary>
    /// The figure of <paramref name="key"/> over the subtree of each of <paramref name="targets"/> (visible units
    /// within <paramref name="unitIds"/>): what is rolled up from the roll-ups (brought up to date first, so a write is
    /// seen at once), what is counted per request from the sources' figures per unit, added up along the units' paths.
    /// </summary>
    internal async Task<Dictionary<long, decimal?>> SubtreeTotalsAsync(
        string key, IReadOnlyList<long> targets, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct, IReadOnlyList<OrgUnitInfo>? visible = null)
    {
        await HoldConnectionAsync(ct);
        var plan = PlanOf(key, window);
        visible ??= await orgs.VisibleUnitsAsync(ct);
        var totals = await RolledUpTotalsAsync(plan.Rolled, targets, window, ct, SharedCounty(targets, visible));
        var perTarget = targets.ToDictionary(t => t, _ => new List<UnitFigure>());
        if (plan.Counted.Count > 0)
        {
            var figures = await CountedAsync(plan, unitIds, window, ct);
            var paths = visible.ToDictionary(u => u.Id, u => u.Path);
            foreach (var figure in figures)
            {
                if (!paths.TryGetValue(figure.OrgUnitId, out var path))
                {
                    continue;
                }

                foreach (var ancestor in AncestorsAndSelf(path))
                {
                    if (perTarget.TryGetValue(ancestor, out var list))
                    {
                        list.Add(figure);
                    }
                }
            }
        }

        return perTarget.ToDictionary(p => p.Key, p => Figure(key, plan, k => totals.GetValueOrDefault((k, p.Key)), p.Value));
    }

    /// <summary>The one county all of several targets are in (a ranking of a county's villages), whose roll-ups are one range; else null.</summary>
    private static long? SharedCounty(IReadOnlyList<long> targets, IReadOnlyList<OrgUnitInfo> visible)
    {
        if (targets.Count < 2)
        {
            return null;
        }

        var wanted = targets.ToHashSet();
        var counties = visible.Where(u => wanted.Contains(u.Id)).Select(u => u.CountyId).Distinct().ToList();
        return counties is [{ } county] ? county : null;
    }

    /// <summary>
    /// A statistics read runs a dozen statements: they share one connection (ADR 0075) instead of taking one from the
    /// pool and giving it back around each, which under load spent a sixth of the overview's time waiting on the SQLite
    /// pool's lock. Opening an open connection is a no-op; the context closes it when the request's scope ends.
    /// </summary>
    private Task HoldConnectionAsync(CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    /// <summary>Brings the roll-ups up to date the first time a request reads them, so what was written before the read is in the figures.</summary>
    private async Task EnsureCurrentAsync(CancellationToken ct)
    {
        if (!_rolledUp)
        {
            if (!await rollups.IsCurrentAsync(ct))
            {
                await Jobs.RunOnceAsync<StatRollupJob>(services, clock.GetUtcNow().UtcDateTime, ct);
            }

            _rolledUp = true;
        }
    }

    /// <summary>A sum, or numerator over denominator for a ratio (null when nothing was there to divide).</summary>
    internal static decimal? Total(IEnumerable<UnitFigure> figures, IndicatorAggregate aggregate)
    {
        decimal value = 0, weight = 0;
        foreach (var f in figures)
        {
            value += f.Value;
            weight += f.Weight;
        }

        return aggregate == IndicatorAggregate.Sum ? value : weight == 0 ? null : Math.Round(value / weight, 4);
    }

    /// <summary>"/1/5/17/" → 1, 5, 17.</summary>
    internal static IEnumerable<long> AncestorsAndSelf(string path)
    {
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                yield return id;
            }
        }
    }
}
