using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Jobs;

namespace Wenming.Web.Modules.Statistics.Features.Rollups;

/// <summary>
/// The roll-ups of the flow indicators (ADR 0061): subtree totals per unit, key, day and month in
/// <c>stat_rollups</c>, kept current from the (unit, day) pairs writes mark dirty. A flush recomputes each dirty
/// pair's own figure with its source (one day, the dirty units, an indexed query), takes the difference to what the
/// roll-up holds for that unit alone (its subtree total less its children's) and adds the difference to the unit's and
/// every ancestor's day and month rows. Flushes and rebuilds hold the state row's lock, so two nodes or two requests
/// never apply one difference twice. Runs as a system operation (unrestricted scope): see <see cref="StatRollupJob"/>.
/// </summary>
public sealed class StatRollupStore(AppDbContext db, IEnumerable<IIndicatorSource> sources, IOrgDirectory orgs, TimeProvider clock)
{
    /// <summary>Dirty rows taken in one transaction: a burst of writes is flushed in several short ones.</summary>
    internal const int Batch = 2000;

    /// <summary>Rebuilds look for rows from this year on; earlier dates are not the platform's (it started in 2026).</summary>
    internal const int FirstYear = 2000;

    private readonly List<IRolledUpSource> _sources = [.. sources.OfType<IRolledUpSource>()];

    /// <summary>Every rolled-up key with its source and divisor.</summary>
    internal IReadOnlyDictionary<string, (IRolledUpSource Source, RolledUpKey Spec)> Keys => field ??= _sources
        .SelectMany(s => s.RolledUp.Select(k => (Source: s, Spec: k)))
        .ToDictionary(x => x.Spec.Key, x => x, StringComparer.Ordinal);

    /// <summary>Whether the roll-up is built and nothing waits to be flushed: a statistics read then needs no job.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken ct) =>
        // One statement: in LINQ, EF Core runs an inner Any() over another set as a query of its own.
        await db.Database.SqlQuery<bool>(
            $"""
            SELECT EXISTS (SELECT 1 FROM stat_rollup_state WHERE "Id" = {StatRollupState.TheRow} AND "BuiltAt" IS NOT NULL)
                AND NOT EXISTS (SELECT 1 FROM stat_dirty) AS "Value"
            """).SingleAsync(ct);

    /// <summary>Builds the roll-up when it is not built (or a unit moved), else flushes the dirty pairs; returns the pairs handled.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var handled = 0;
        while (true)
        {
            var (done, count) = await InLockAsync(async () =>
            {
                var state = await db.Set<StatRollupState>().AsNoTracking().SingleAsync(s => s.Id == StatRollupState.TheRow, ct);
                var rebuild = state.BuiltAt is null || await db.Set<StatDirty>().AnyAsync(d => d.Source == StatDirty.RebuildAll, ct);
                return rebuild ? (false, await RebuildLockedAsync(ct)) : await FlushLockedAsync(ct);
            }, ct);
            handled += count;
            if (done)
            {
                return handled;
            }
        }
    }

    /// <summary>Rebuilds from the raw rows whatever the state (<c>wenming stats-rebuild</c>, the end of the demo seed).</summary>
    public Task<int> RebuildAsync(CancellationToken ct) => InLockAsync(() => RebuildLockedAsync(ct), ct);

    /// <summary>
    /// The totals of <paramref name="key"/> over the subtrees of <paramref name="unitIds"/> for the China dates
    /// [from, to]: month rows for the whole months inside, day rows for the days of the partial months at either end.
    /// </summary>
    internal async Task<Dictionary<long, (long Value, long Weight)>> TotalsAsync(string key, IReadOnlyCollection<long> unitIds, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await TotalsAsync([key], unitIds, from, to, ct)).ToDictionary(t => t.Key.Unit, t => t.Value);

    /// <summary>
    /// As above for several keys in one statement (the overview reads every rolled-up key at once, ADR 0064). A
    /// cumulative key (a stock, ADR 0066) adds up from the beginning to <paramref name="to"/> instead: the month rows
    /// of every month that ends by then, and the day rows of the partial month it ends in.
    /// </summary>
    /// <param name="county">
    /// The county all of <paramref name="unitIds"/> are in, for many units (a ranking): its rows are then read as one
    /// range of the county index, which holds the figures, and the units picked in memory (ADR 0075), instead of a seek
    /// into the primary key and a row read per unit and day.
    /// </param>
    internal async Task<Dictionary<(string Key, long Unit), (long Value, long Weight)>> TotalsAsync(
        IReadOnlyCollection<string> keys, IReadOnlyCollection<long> unitIds, DateOnly from, DateOnly to, CancellationToken ct, long? county = null)
    {
        var firstWhole = from.Day == 1 ? from : MonthOf(from).AddMonths(1);
        var endWhole = MonthOf(to.AddDays(1));
        // The units are one parameter (an array on PostgreSQL, JSON on SQLite), not one per element: a ranking asks for
        // hundreds, and EF Core would build a statement per list length again, under a lock, on every request.
        var units = unitIds.ToArray();
        var set = county is { } countyId
            ? db.Set<StatRollup>().AsNoTracking().Where(r => r.CountyId == countyId)
            : db.Set<StatRollup>().AsNoTracking().Where(r => EF.Parameter(units).Contains(r.OrgUnitId));
        // One range of the key's rows per part, added up with UNION ALL: each part is a plain conjunction on the
        // primary key (unit, key, kind, start), which both databases walk as index ranges; one OR over the parts would
        // make them read every row of each unit and key.
        var parts = new List<IQueryable<StatRollup>>();
        void Rows(string[] of, int kind, DateOnly? start, DateOnly end, bool endInclusive)
        {
            if (of.Length > 0 && (start is null || (endInclusive ? start <= end : start < end)))
            {
                var after = start ?? DateOnly.MinValue;
                // The keys are one parameter too: expanded, their statement was built anew on every request.
                parts.Add(endInclusive
                    ? set.Where(r => EF.Parameter(of).Contains(r.Key) && r.Kind == kind && r.Start >= after && r.Start <= end)
                    : set.Where(r => EF.Parameter(of).Contains(r.Key) && r.Kind == kind && r.Start >= after && r.Start < end));
            }
        }

        var flows = keys.Where(k => !Keys[k].Spec.Cumulative).ToArray();
        var stocks = keys.Where(k => Keys[k].Spec.Cumulative).ToArray();
        if (firstWhole < endWhole)
        {
            Rows(flows, StatRollup.Month, firstWhole, endWhole, endInclusive: false);
            Rows(flows, StatRollup.Day, from, firstWhole, endInclusive: false);
            Rows(flows, StatRollup.Day, endWhole, to, endInclusive: true);
        }
        else
        {
            Rows(flows, StatRollup.Day, from, to, endInclusive: true);
        }

        Rows(stocks, StatRollup.Month, null, endWhole, endInclusive: false);
        Rows(stocks, StatRollup.Day, endWhole, to, endInclusive: true);
        if (parts.Count == 0)
        {
            return [];
        }

        var rows = parts.Skip(1).Aggregate(parts[0], (all, part) => all.Concat(part));
        var sums = await rows.GroupBy(r => new { r.Key, r.OrgUnitId })
            .Select(g => new { g.Key.Key, g.Key.OrgUnitId, Value = g.Sum(r => r.Value), Weight = g.Sum(r => r.Weight) })
            .ToListAsync(ct);
        var wanted = county is null ? null : unitIds.ToHashSet();
        return sums.Where(s => wanted is null || wanted.Contains(s.OrgUnitId)).ToDictionary(s => (s.Key, s.OrgUnitId), s => (s.Value, s.Weight));
    }

    /// <summary>
    /// The month totals of <paramref name="key"/> for <paramref name="unitId"/>'s subtree from <paramref name="first"/> on,
    /// in one statement (a trend). For a cumulative key each month's total is the stock at the month's end: every month
    /// row up to it, added up in memory.
    /// </summary>
    internal async Task<Dictionary<DateOnly, (long Value, long Weight)>> MonthsAsync(string key, long unitId, DateOnly first, int months, CancellationToken ct)
    {
        var end = first.AddMonths(months);
        var cumulative = Keys[key].Spec.Cumulative;
        var rows = await db.Set<StatRollup>().AsNoTracking()
            .Where(r => r.OrgUnitId == unitId && r.Key == key && r.Kind == StatRollup.Month && (cumulative || r.Start >= first) && r.Start < end)
            .ToDictionaryAsync(r => r.Start, r => (r.Value, r.Weight), ct);
        if (!cumulative)
        {
            return rows;
        }

        var totals = new Dictionary<DateOnly, (long Value, long Weight)>();
        var (value, weight) = (0L, 0L);
        foreach (var row in rows.Where(r => r.Key < first))
        {
            value += row.Value.Value;
            weight += row.Value.Weight;
        }

        for (var month = first; month < end; month = month.AddMonths(1))
        {
            var (v, w) = rows.GetValueOrDefault(month);
            (value, weight) = (value + v, weight + w);
            totals[month] = (value, weight);
        }

        return totals;
    }

    /// <summary>The figure shown: the sum over the divisor, or the ratio of sums (null with nothing to divide).</summary>
    internal decimal? Finish(string key, IndicatorAggregate aggregate, (long Value, long Weight) total)
    {
        if (aggregate == IndicatorAggregate.Ratio)
        {
            return total.Weight == 0 ? null : Math.Round((decimal)total.Value / total.Weight, 4);
        }

        var divisor = Keys[key].Spec.Divisor;
        return divisor == 1 ? total.Value : Math.Round((decimal)total.Value / divisor, 2);
    }

    /// <summary>A rolled-up whole number in the indicator's unit (hours, yuan), not rounded: for adding to figures counted per request.</summary>
    internal decimal Scaled(string key, long value) => Keys[key].Spec.Divisor is var divisor and not 1 ? (decimal)value / divisor : value;

    internal static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private async Task<T> InLockAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        // The state row is missing only where the schema was made without the migrations (a test's EnsureCreated).
        await db.Database.ExecuteSqlAsync($"""INSERT INTO stat_rollup_state ("Id", "Version") VALUES ({StatRollupState.TheRow}, 0) ON CONFLICT ("Id") DO NOTHING""", ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The lock: the first statement of the transaction writes the row, so a second flush (another request,
        // another node) waits here until this one has committed, and then sees its dirty rows gone.
        await db.Set<StatRollupState>().Where(s => s.Id == StatRollupState.TheRow)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }

    private async Task<(bool Done, int Count)> FlushLockedAsync(CancellationToken ct)
    {
        var dirty = await db.Set<StatDirty>().AsNoTracking().OrderBy(d => d.Id).Take(Batch).ToListAsync(ct);
        if (dirty.Count == 0)
        {
            return (true, 0);
        }

        var maxId = dirty[^1].Id;
        var tree = await TreeAsync(ct);
        var deltas = new Dictionary<(long Unit, string Key, int Kind, DateOnly Start), (long Value, long Weight)>();
        var window = clock.GetUtcNow().UtcDateTime;
        foreach (var group in dirty.GroupBy(d => (d.Source, d.Day)))
        {
            if (_sources.FirstOrDefault(s => RollupRegistration.SourceName(s.GetType()) == group.Key.Source) is not { } source)
            {
                continue;
            }

            var (name, day) = group.Key;
            var units = group.Select(d => d.OrgUnitId).ToHashSet();
            var unitIds = db.Set<StatDirty>().Where(d => d.Id <= maxId && d.Source == name && d.Day == day).Select(d => d.OrgUnitId);
            var withChildren = units.Concat(units.SelectMany(u => tree.Children(u))).ToHashSet();
            foreach (var spec in source.RolledUp.Where(k => !k.FirstDays))
            {
                var fresh = (await source.ComputeWholeAsync(spec.Key, unitIds, new IndicatorWindow(day, day, window), ct))
                    .GroupBy(f => f.OrgUnitId).ToDictionary(g => g.Key, g => (Value: (long)g.Sum(f => f.Value), Weight: (long)g.Sum(f => f.Weight)));
                var held = await db.Set<StatRollup>().AsNoTracking()
                    .Where(r => r.Key == spec.Key && r.Kind == StatRollup.Day && r.Start == day && withChildren.Contains(r.OrgUnitId))
                    .ToDictionaryAsync(r => r.OrgUnitId, r => (r.Value, r.Weight), ct);
                foreach (var unit in units)
                {
                    // What the roll-up holds for the unit alone: its subtree total less its children's.
                    var (ownValue, ownWeight) = held.GetValueOrDefault(unit);
                    foreach (var child in tree.Children(unit))
                    {
                        var (v, w) = held.GetValueOrDefault(child);
                        ownValue -= v;
                        ownWeight -= w;
                    }

                    var now = fresh.GetValueOrDefault(unit);
                    Add(deltas, tree, unit, spec.Key, day, now.Value - ownValue, now.Weight - ownWeight);
                }
            }
        }

        await RecountMonthsAsync(dirty, maxId, tree, window, deltas, ct);
        foreach (var ((unit, key, kind, start), (value, weight)) in deltas)
        {
            if (value == 0 && weight == 0)
            {
                continue;
            }

            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO stat_rollups ("OrgUnitId", "CountyId", "Key", "Kind", "Start", "Value", "Weight") VALUES ({unit}, {tree.CountyOf(unit)}, {key}, {kind}, {start}, {value}, {weight})
                ON CONFLICT ("OrgUnitId", "Key", "Kind", "Start") DO UPDATE SET "Value" = stat_rollups."Value" + excluded."Value", "Weight" = stat_rollups."Weight" + excluded."Weight"
                """, ct);
        }

        var ids = dirty.Select(d => d.Id).ToList();
        await db.Set<StatDirty>().Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(ct);
        return (dirty.Count < Batch, dirty.Count);
    }

    /// <summary>
    /// The <see cref="RolledUpKey.FirstDays"/> keys (ADR 0068): a dirty day makes its whole month of the units the source
    /// names recounted (a first day of service can move later in the month, or out of it), day by day against the unit's
    /// own day rows (its subtree's less its children's), the differences added like any other.
    /// </summary>
    private async Task RecountMonthsAsync(
        List<StatDirty> dirty, long maxId, Tree tree, DateTime nowUtc, Dictionary<(long Unit, string Key, int Kind, DateOnly Start), (long Value, long Weight)> deltas, CancellationToken ct)
    {
        foreach (var group in dirty.GroupBy(d => (d.Source, Month: MonthOf(d.Day))))
        {
            if (_sources.FirstOrDefault(s => RollupRegistration.SourceName(s.GetType()) == group.Key.Source) is not { } source)
            {
                continue;
            }

            var (name, month) = group.Key;
            var next = month.AddMonths(1);
            var window = new IndicatorWindow(month, next.AddDays(-1), nowUtc);
            var dirtyUnits = db.Set<StatDirty>().Where(d => d.Id <= maxId && d.Source == name && d.Day >= month && d.Day < next).Select(d => d.OrgUnitId);
            foreach (var spec in source.RolledUp.Where(k => k.FirstDays))
            {
                var recount = source.RecountUnits(spec.Key, dirtyUnits, window);
                var units = (await recount.ToListAsync(ct)).ToHashSet();
                if (units.Count == 0)
                {
                    continue;
                }

                var fresh = (await source.ComputeDaysAsync(spec.Key, recount, window, ct)).ToDictionary(f => (f.OrgUnitId, f.Day), f => f.Value);
                var withChildren = units.Concat(units.SelectMany(u => tree.Children(u))).ToHashSet();
                var held = await db.Set<StatRollup>().AsNoTracking()
                    .Where(r => r.Key == spec.Key && r.Kind == StatRollup.Day && r.Start >= month && r.Start < next && withChildren.Contains(r.OrgUnitId))
                    .ToDictionaryAsync(r => (r.OrgUnitId, r.Start), r => r.Value, ct);
                foreach (var unit in units)
                {
                    for (var day = month; day < next; day = day.AddDays(1))
                    {
                        var own = held.GetValueOrDefault((unit, day)) - tree.Children(unit).Sum(c => held.GetValueOrDefault((c, day)));
                        Add(deltas, tree, unit, spec.Key, day, fresh.GetValueOrDefault((unit, day)) - own, 0);
                    }
                }
            }
        }
    }

    private async Task<int> RebuildLockedAsync(CancellationToken ct)
    {
        // Marks written from here on are flushed later against the rebuilt totals: the difference is then zero
        // for a write the rebuild already saw, and the write itself for one it did not.
        var seen = await db.Set<StatDirty>().Select(d => (long?)d.Id).MaxAsync(ct) ?? 0;
        await db.Set<StatDirty>().Where(d => d.Id <= seen).ExecuteDeleteAsync(ct);
        await db.Set<StatRollup>().ExecuteDeleteAsync(ct);
        var tree = await TreeAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = RollupRegistration.ChinaDay(now);
        var everything = new IndicatorWindow(new DateOnly(FirstYear, 1, 1), new DateOnly(today.Year + 1, 12, 31), now);
        var written = 0;
        foreach (var root in tree.Roots)
        {
            if (await orgs.UnitIdsUnderAsync(root, ct) is not { } unitIds)
            {
                continue;
            }

            foreach (var (key, (source, _)) in Keys)
            {
                // One pass over the county's rows per key, added up per unit and day (ADR 0064); the day and month
                // rows of every ancestor follow in memory.
                var totals = new Dictionary<(long Unit, string Key, int Kind, DateOnly Start), (long Value, long Weight)>();
                foreach (var figure in await source.ComputeDaysAsync(key, unitIds, everything, ct))
                {
                    Add(totals, tree, figure.OrgUnitId, key, figure.Day, figure.Value, figure.Weight);
                }

                written += await InsertAsync(totals, tree, ct);
            }
        }

        await db.Set<StatRollupState>().Where(s => s.Id == StatRollupState.TheRow).ExecuteUpdateAsync(s => s.SetProperty(x => x.BuiltAt, now), ct);
        return written;
    }

    private async Task<int> InsertAsync(Dictionary<(long Unit, string Key, int Kind, DateOnly Start), (long Value, long Weight)> totals, Tree tree, CancellationToken ct)
    {
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var chunk in totals.Chunk(5000))
            {
                db.AddRange(chunk.Select(t => new StatRollup { OrgUnitId = t.Key.Unit, CountyId = tree.CountyOf(t.Key.Unit), Key = t.Key.Key, Kind = t.Key.Kind, Start = t.Key.Start, Value = t.Value.Value, Weight = t.Value.Weight }));
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return totals.Count;
    }

    /// <summary>Adds a unit's difference for a day to its and its ancestors' day and month rows.</summary>
    private static void Add(Dictionary<(long Unit, string Key, int Kind, DateOnly Start), (long Value, long Weight)> into, Tree tree, long unit, string key, DateOnly day, long value, long weight)
    {
        if (value == 0 && weight == 0)
        {
            return;
        }

        foreach (var at in tree.AncestorsAndSelf(unit))
        {
            foreach (var slot in new[] { (at, key, StatRollup.Day, day), (at, key, StatRollup.Month, MonthOf(day)) })
            {
                var (v, w) = into.GetValueOrDefault(slot);
                into[slot] = (v + value, w + weight);
            }
        }
    }

    private async Task<Tree> TreeAsync(CancellationToken ct) => new(await orgs.VisibleUnitsAsync(ct));

    /// <summary>The whole org tree, read once per flush (a county has a few hundred units).</summary>
    private sealed class Tree(IReadOnlyList<OrgUnitInfo> units)
    {
        private readonly Dictionary<long, OrgUnitInfo> _byId = units.ToDictionary(u => u.Id);
        private readonly ILookup<long, long> _children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);

        public IEnumerable<long> Roots => units.Where(u => u.ParentId is null).Select(u => u.Id);

        public IEnumerable<long> Children(long unit) => _children[unit];

        /// <summary>The unit's county; 0 above the county tier (and for a unit the tree does not hold).</summary>
        public long CountyOf(long unit) => _byId.TryGetValue(unit, out var info) ? info.CountyId ?? 0 : 0;

        public IEnumerable<long> AncestorsAndSelf(long unit) =>
            _byId.TryGetValue(unit, out var info) ? StatisticsQueries.AncestorsAndSelf(info.Path) : [unit];
    }
}

/// <summary>Keeps the roll-ups current in the background (ADR 0061); a statistics read runs one round itself when something is dirty.</summary>
public sealed class StatRollupJob(StatRollupStore store) : IJob
{
    public Task<int> RunAsync(DateTime nowUtc, CancellationToken ct) => store.RefreshAsync(ct);
}
