using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Indicators;

/// <summary>
/// An indicator kept rolled up (ADR 0061): its figures add up over days and over units, so the statistics keep
/// subtree totals per day and per month instead of recounting raw rows. The rolled-up figure is a whole number
/// (minutes, not hours; fen, not yuan); the figure shown is the sum over <see cref="Divisor"/>, rounded to two places
/// when it is not 1. A key is rolled up by one source only.
/// </summary>
/// <param name="Cumulative">
/// A stock (volunteers registered, teams, the fund's balance; ADR 0066): the figure of a window is the sum of the day
/// figures from the beginning up to the window's last day. The source's <see cref="IRolledUpSource.ComputeWholeAsync"/>
/// and <see cref="IRolledUpSource.ComputeDaysAsync"/> give the day flows (what moved the stock on each day of the
/// window), its <see cref="IIndicatorSource.ComputeAsync"/> still gives the stock at the window's end.
/// </param>
/// <param name="PartOf">
/// The indicator whose final part this key holds (ADR 0066: the lights of closed orders, which no longer change): the
/// indicator's figure is this key's roll-up plus what <see cref="IRolledUpSource.ComputeRestAsync"/> counts per request.
/// Such a key is not an indicator itself. Null: the key is an indicator of the source's, read from the roll-up alone.
/// </param>
/// <param name="FirstDays">
/// A distinct count that adds up over units but not over days (volunteers active, ADR 0068): a unit's day row holds
/// those counted at the unit whose first counted day of the month is that day, so the count of a window from a month's
/// first day to any day of the same month is the sum of its day rows (the whole month: the month row). Any other window
/// is counted per request (<see cref="Holds"/>). The source's <see cref="IRolledUpSource.ComputeDaysAsync"/>
/// gives these first days for a window of whole months; a flush recounts whole months of the units
/// <see cref="IRolledUpSource.RecountUnits"/> names.
/// </param>
public sealed record RolledUpKey(string Key, int Divisor = 1, bool Cumulative = false, string? PartOf = null, bool FirstDays = false)
{
    /// <summary>The indicator this key's figures count for.</summary>
    public string Indicator => PartOf ?? Key;

    /// <summary>
    /// Whether the roll-up holds this key's figure for the China dates [from, to]: always, but for a
    /// <see cref="FirstDays"/> key only from a month's first day to a day of the same month.
    /// </summary>
    public bool Holds(DateOnly from, DateOnly to) =>
        !FirstDays || (from.Day == 1 && to >= from && to.Year == from.Year && to.Month == from.Month);
}

/// <summary>
/// A source whose flow indicators the statistics keep rolled up (ADR 0061). It says which rows' writes move which
/// (unit, China day) through <see cref="RollupTrigger"/>s registered with <see cref="RollupRegistration.AddRollupTrigger{TSource, TEntity}"/>,
/// and computes a key's whole-number figures per unit for a window; the roll-up recomputes one day of the touched units
/// with it, so the figures are the source's own by construction.
/// </summary>
public interface IRolledUpSource : IIndicatorSource
{
    IReadOnlyList<RolledUpKey> RolledUp { get; }

    /// <summary>As <see cref="IIndicatorSource.ComputeAsync"/>, as whole numbers before the <see cref="RolledUpKey.Divisor"/>.</summary>
    Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct);

    /// <summary>
    /// As <see cref="ComputeWholeAsync"/>, per unit and per China day the rows count on, in one pass over the window's
    /// rows: a rebuild reads every row once instead of asking day by day (ADR 0064).
    /// </summary>
    Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct);

    /// <summary>
    /// For an indicator some of whose figures are rolled up under <see cref="RolledUpKey.PartOf"/> keys: the rest, which
    /// still changes with time (the lights of open orders), counted per request for the window.
    /// </summary>
    Task<IReadOnlyList<UnitFigure>> ComputeRestAsync(string indicator, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "No part of this indicator is rolled up.");

    /// <summary>
    /// For a <see cref="RolledUpKey.FirstDays"/> key: the units whose figures in <paramref name="window"/> (whole months)
    /// writes marked at <paramref name="dirtyUnits"/> may have moved, when a row counts at another unit than the one its
    /// write marks (a volunteer's service recorded at another village counts at the volunteer's own). By default the
    /// dirty units themselves.
    /// </summary>
    IQueryable<long> RecountUnits(string key, IQueryable<long> dirtyUnits, IndicatorWindow window) => dirtyUnits;
}

/// <summary>One unit's whole-number figure on one China day.</summary>
public readonly record struct DayFigure(long OrgUnitId, DateOnly Day, long Value, long Weight = 0);

public static class DayFigures
{
    /// <summary>
    /// Streams <paramref name="rows"/> (a projection of the few columns a figure needs) and adds them up per unit and
    /// day in memory: the China day of a UTC instant is arithmetic the two databases spell differently, and a
    /// county's rows for the rebuild are read once either way.
    /// </summary>
    public static async Task<IReadOnlyList<DayFigure>> SumAsync<T>(IQueryable<T> rows, Func<T, DayFigure> figure, CancellationToken ct)
    {
        var sums = new Dictionary<(long Unit, DateOnly Day), (long Value, long Weight)>();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var f = figure(row);
            var (v, w) = sums.GetValueOrDefault((f.OrgUnitId, f.Day));
            sums[(f.OrgUnitId, f.Day)] = (v + f.Value, w + f.Weight);
        }

        return [.. sums.Select(s => new DayFigure(s.Key.Unit, s.Key.Day, s.Value.Value, s.Value.Weight))];
    }
}

/// <summary>Which (unit, China day) pairs a row of <see cref="EntityType"/> counts on, for the source named <see cref="Source"/>.</summary>
public sealed record RollupTrigger(string Source, Type EntityType, Func<object, IEnumerable<(long OrgUnitId, DateOnly Day)>> Touched);

public static class RollupRegistration
{
    /// <summary>Rows of <typeparamref name="TEntity"/> count for <typeparamref name="TSource"/>'s rolled-up keys on the pairs <paramref name="touched"/> gives.</summary>
    public static IServiceCollection AddRollupTrigger<TSource, TEntity>(this IServiceCollection services, Func<TEntity, IEnumerable<(long OrgUnitId, DateOnly Day)>> touched)
        where TSource : IRolledUpSource
        where TEntity : class =>
        services.AddSingleton(new RollupTrigger(SourceName(typeof(TSource)), typeof(TEntity), o => touched((TEntity)o)));

    /// <summary>The name a source's dirty rows carry.</summary>
    public static string SourceName(Type source) => source.Name;

    /// <summary>
    /// For a set-based write (ExecuteUpdate) of <paramref name="entity"/>'s row, which change tracking does not see:
    /// marks the (unit, day) pairs it counts on dirty, in the caller's transaction (ADR 0061).
    /// </summary>
    public static Task MarkRolledUpAsync(this DbContext db, object entity, CancellationToken ct) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<RollupMarks>().FirstOrDefault() is { } marks
            ? marks.MarkAsync(db, entity, ct)
            : Task.CompletedTask;

    /// <summary>The China day of a UTC instant.</summary>
    public static DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(utc + Text.ChinaOffset);
}

/// <summary>A subtree total of one key for one day or one month (ADR 0061); the unit's own rows and all its descendants' rows.</summary>
[NotAudited]
public sealed class StatRollup
{
    public const int Day = 1;
    public const int Month = 2;

    public long OrgUnitId { get; set; }

    /// <summary>
    /// The unit's county (0 above the county tier): a ranking reads every unit of its county as one index range instead
    /// of a seek per unit (ADR 0075), and a database distributed by county keeps a county's roll-ups with its rows.
    /// </summary>
    public long CountyId { get; set; }

    /// <summary><see cref="Day"/> or <see cref="Month"/>.</summary>
    public int Kind { get; set; }

    /// <summary>The day, or the first of the month.</summary>
    public DateOnly Start { get; set; }

    public string Key { get; set; } = "";

    public long Value { get; set; }

    public long Weight { get; set; }
}

/// <summary>A (unit, day) whose figures of a source have changed since they were rolled up; removed when the roll-up has taken it in.</summary>
[NotAudited]
public sealed class StatDirty
{
    /// <summary>The source name that asks for a rebuild of everything (a unit moved in the tree).</summary>
    public const string RebuildAll = "*";

    public long Id { get; set; }

    public long OrgUnitId { get; set; }

    public DateOnly Day { get; set; }

    public string Source { get; set; } = "";
}

/// <summary>The one row the roll-up's writers lock (a conditional UPDATE, so two nodes flush one at a time), and whether the roll-up is built.</summary>
[NotAudited]
public sealed class StatRollupState
{
    public const long TheRow = 1;

    public long Id { get; set; }

    /// <summary>Null until the roll-up has been built from the raw rows (a fresh or upgraded database, a moved unit).</summary>
    public DateTime? BuiltAt { get; set; }

    public long Version { get; set; }
}

internal sealed class StatRollupConfiguration : IEntityTypeConfiguration<StatRollup>
{
    public void Configure(EntityTypeBuilder<StatRollup> b)
    {
        b.ToTable("stat_rollups");
        b.HasKey(r => new { r.OrgUnitId, r.Key, r.Kind, r.Start });
        b.Property(r => r.Key).HasMaxLength(64);
        // A county's rows of a key and a period in one range, with the figures in the index: a ranking reads them
        // without touching the table (ADR 0075).
        b.HasIndex(r => new { r.CountyId, r.Key, r.Kind, r.Start, r.OrgUnitId, r.Value, r.Weight }, "IX_stat_rollups_County");
    }
}

internal sealed class StatDirtyConfiguration : IEntityTypeConfiguration<StatDirty>
{
    public void Configure(EntityTypeBuilder<StatDirty> b)
    {
        b.ToTable("stat_dirty");
        b.Property(d => d.Source).HasMaxLength(64);
    }
}

internal sealed class StatRollupStateConfiguration : IEntityTypeConfiguration<StatRollupState>
{
    public void Configure(EntityTypeBuilder<StatRollupState> b)
    {
        b.ToTable("stat_rollup_state");
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// Marks the (unit, day) pairs a write touches as dirty, in the same SaveChanges and so the same transaction as the
/// write (ADR 0061): for an added row its pairs, for a deleted row its original pairs, for a modified row both (a
/// record moved to another date leaves the old day dirty too). A moved org unit asks for a rebuild. Set-based writes
/// do not pass here: their handlers call <see cref="MarkAsync"/>.
/// </summary>
public sealed class RollupMarks(IEnumerable<RollupTrigger> triggers) : ISaveChangesInterceptor
{
    private readonly ILookup<Type, RollupTrigger> _byType = triggers.ToLookup(t => t.EntityType);
    private readonly ConcurrentDictionary<Type, bool> _watched = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>For a set-based write (ExecuteUpdate) of <paramref name="entity"/>'s row: marks its pairs dirty in the caller's transaction.</summary>
    public async Task MarkAsync(DbContext db, object entity, CancellationToken ct)
    {
        foreach (var (unit, day, source) in Pairs(entity).Distinct())
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO stat_dirty ("OrgUnitId", "Day", "Source") VALUES ({unit}, {day}, {source})""", ct);
        }
    }

    /// <summary>
    /// The (unit, day, source) rows a new <paramref name="entity"/> marks dirty, as three columns, for a statement that
    /// inserts the entity by hand and its marks with it (the redemption's one-statement writes on PostgreSQL, ADR 0072).
    /// </summary>
    public (long[] Units, DateOnly[] Days, string[] Sources) MarksOfNew(object entity)
    {
        var pairs = Pairs(entity).Distinct().ToArray();
        return (pairs.Select(p => p.Unit).ToArray(), pairs.Select(p => p.Day).ToArray(), pairs.Select(p => p.Source).ToArray());
    }

    private IEnumerable<(long Unit, DateOnly Day, string Source)> Pairs(object entity) =>
        _byType[entity.GetType()].SelectMany(t => t.Touched(entity).Select(p => (p.OrgUnitId, p.Day, t.Source)));

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var marks = new HashSet<(long Unit, DateOnly Day, string Source)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var type = entry.Entity.GetType();
            if (entry.Entity is IOrgUnitNode && entry.State == EntityState.Modified && entry.Property(nameof(IOrgUnitNode.Path)).IsModified
                && !Equals(entry.Property(nameof(IOrgUnitNode.Path)).OriginalValue, entry.Property(nameof(IOrgUnitNode.Path)).CurrentValue))
            {
                // Every ancestor total of the moved subtree changes: rebuilt from the raw rows (moves are rare).
                marks.Add((0, default, StatDirty.RebuildAll));
                continue;
            }

            if (!_watched.GetOrAdd(type, _byType.Contains))
            {
                continue;
            }

            if (entry.State != EntityState.Deleted)
            {
                marks.UnionWith(Pairs(entry.Entity));
            }

            if (entry.State != EntityState.Added)
            {
                marks.UnionWith(Pairs(entry.OriginalValues.ToObject()));
            }
        }

        foreach (var (unit, day, source) in marks)
        {
            context.Add(new StatDirty { OrgUnitId = unit, Day = day, Source = source });
        }
    }
}
