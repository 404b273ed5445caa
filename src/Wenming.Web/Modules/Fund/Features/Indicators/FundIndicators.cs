using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Indicators;

namespace Wenming.Web.Modules.Fund.Features.Indicators;

/// <summary>
/// The fund's figures for the statistics (ADR 0040, issue 14), in yuan: donations received and payments made in the
/// window (by the dates on the entries, reversals netted), and the balance at the window's end (everything up to its
/// last day). Entries count for the unit that holds them: a donation for the unit that received it (usually the county
/// center), a payment for the project's unit. The fund is the county's, so for the county the balance is the fund's
/// balance; for a township or village it is what came in there less what was paid to its projects, usually negative.
/// Pending and rejected payments moved no money and do not count. All three are rolled up in fen (ADR 0066): a
/// donation counts on its unit and the day it was received, a payment on its unit and the day it was paid; the balance
/// is a stock whose day flow is the day's donations less its payments.
/// </summary>
internal sealed class FundIndicators(AppDbContext db) : IRolledUpSource
{
    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("fundDonations", "Fund.indicator.fundDonations", IndicatorAggregate.Sum, 90),
        new("fundPayments", "Fund.indicator.fundPayments", IndicatorAggregate.Sum, 91),
        new("fundBalance", "Fund.indicator.fundBalance", IndicatorAggregate.Sum, 92),
    ];

    public IReadOnlyList<RolledUpKey> RolledUp { get; } =
        [new("fundDonations", Divisor: 100), new("fundPayments", Divisor: 100), new("fundBalance", Divisor: 100, Cumulative: true)];

    public static IEnumerable<(long, DateOnly)> Touched(Donation d) => [(d.OrgUnitId, d.ReceivedOn)];

    public static IEnumerable<(long, DateOnly)> Touched(FundPayment p) => [(p.OrgUnitId, p.PaidOn)];

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        [.. (await FenAsync(key, unitIds, key == "fundBalance" ? null : window.From, window.To, ct)).Select(f => new UnitFigure(f.Key, f.Value / 100m, 0))];

    /// <summary>In fen; for the balance the day flows of the window (the statistics add them up from the beginning).</summary>
    public async Task<IReadOnlyList<UnitFigure>> ComputeWholeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct) =>
        [.. (await FenAsync(key, unitIds, window.From, window.To, ct)).Select(f => new UnitFigure(f.Key, f.Value, 0))];

    public async Task<IReadOnlyList<DayFigure>> ComputeDaysAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        var donations = Donations(unitIds, window.From, window.To).Select(d => new { d.OrgUnitId, Day = d.ReceivedOn, d.AmountFen });
        var payments = Payments(unitIds, window.From, window.To).Select(p => new { p.OrgUnitId, Day = p.PaidOn, p.AmountFen });
        return key switch
        {
            "fundDonations" => await DayFigures.SumAsync(donations, d => new DayFigure(d.OrgUnitId, d.Day, d.AmountFen), ct),
            "fundPayments" => await DayFigures.SumAsync(payments, p => new DayFigure(p.OrgUnitId, p.Day, p.AmountFen), ct),
            "fundBalance" =>
            [
                .. (await DayFigures.SumAsync(donations, d => new DayFigure(d.OrgUnitId, d.Day, d.AmountFen), ct)),
                .. (await DayFigures.SumAsync(payments, p => new DayFigure(p.OrgUnitId, p.Day, -p.AmountFen), ct)),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the fund module."),
        };
    }

    /// <summary>Fen per unit of the entries dated [from, to] (no <paramref name="from"/>: everything up to <paramref name="to"/>); the balance is donations less payments.</summary>
    private async Task<Dictionary<long, long>> FenAsync(string key, IQueryable<long> unitIds, DateOnly? from, DateOnly to, CancellationToken ct)
    {
        Dictionary<long, long> Join(Dictionary<long, long> a, Dictionary<long, long> b, int sign)
        {
            foreach (var (unit, fen) in b)
            {
                a[unit] = a.GetValueOrDefault(unit) + (sign * fen);
            }

            return a;
        }

        return key switch
        {
            "fundDonations" => await FenPerUnitAsync(Donations(unitIds, from, to).Select(d => new Entry { Unit = d.OrgUnitId, Fen = d.AmountFen }), ct),
            "fundPayments" => await FenPerUnitAsync(Payments(unitIds, from, to).Select(p => new Entry { Unit = p.OrgUnitId, Fen = p.AmountFen }), ct),
            "fundBalance" => Join(await FenAsync("fundDonations", unitIds, from, to, ct), await FenAsync("fundPayments", unitIds, from, to, ct), -1),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the fund module."),
        };
    }

    private IQueryable<Donation> Donations(IQueryable<long> unitIds, DateOnly? from, DateOnly to) =>
        db.Set<Donation>().AsNoTracking().Where(d => unitIds.Contains(d.OrgUnitId) && d.ReceivedOn <= to && (from == null || d.ReceivedOn >= from));

    /// <summary>The payments that moved money (paid, and the reversals of paid ones); pending and rejected ones did not.</summary>
    private IQueryable<FundPayment> Payments(IQueryable<long> unitIds, DateOnly? from, DateOnly to) =>
        db.Set<FundPayment>().AsNoTracking()
            .Where(p => unitIds.Contains(p.OrgUnitId) && p.PaidOn <= to && (from == null || p.PaidOn >= from)
                && (p.Status == PaymentStatus.Paid || p.Status == PaymentStatus.Reversal));

    private static async Task<Dictionary<long, long>> FenPerUnitAsync(IQueryable<Entry> rows, CancellationToken ct) =>
        await rows.GroupBy(e => e.Unit).Select(g => new { g.Key, Fen = g.Sum(e => e.Fen) }).ToDictionaryAsync(g => g.Key, g => g.Fen, ct);

    /// <summary>A donation or payment as the sums need it (a member-init projection, so EF Core can group it in SQL).</summary>
    private sealed class Entry
    {
        public long Unit { get; init; }

        public long Fen { get; init; }
    }
}
