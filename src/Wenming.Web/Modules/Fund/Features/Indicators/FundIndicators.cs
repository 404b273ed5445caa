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
/// Pending and rejected payments moved no money and do not count.
/// </summary>
internal sealed class FundIndicators(AppDbContext db) : IIndicatorSource
{
    public IReadOnlyList<IndicatorInfo> Indicators { get; } =
    [
        new("fundDonations", "Fund.indicator.fundDonations", IndicatorAggregate.Sum, 90),
        new("fundPayments", "Fund.indicator.fundPayments", IndicatorAggregate.Sum, 91),
        new("fundBalance", "Fund.indicator.fundBalance", IndicatorAggregate.Sum, 92),
    ];

    public async Task<IReadOnlyList<UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, IndicatorWindow window, CancellationToken ct)
    {
        DateOnly? from = key == "fundBalance" ? null : window.From;
        var to = window.To;
        Dictionary<long, long> Join(Dictionary<long, long> a, Dictionary<long, long> b, int sign)
        {
            foreach (var (unit, fen) in b)
            {
                a[unit] = a.GetValueOrDefault(unit) + (sign * fen);
            }

            return a;
        }

        var fen = key switch
        {
            "fundDonations" => await DonationsAsync(unitIds, from, to, ct),
            "fundPayments" => await PaymentsAsync(unitIds, from, to, ct),
            "fundBalance" => Join(await DonationsAsync(unitIds, null, to, ct), await PaymentsAsync(unitIds, null, to, ct), -1),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the fund module."),
        };
        return [.. fen.Select(f => new UnitFigure(f.Key, f.Value / 100m, 0))];
    }

    private async Task<Dictionary<long, long>> DonationsAsync(IQueryable<long> unitIds, DateOnly? from, DateOnly to, CancellationToken ct)
    {
        var rows = db.Set<Donation>().AsNoTracking().Where(d => unitIds.Contains(d.OrgUnitId) && d.ReceivedOn <= to);
        if (from is { } start)
        {
            rows = rows.Where(d => d.ReceivedOn >= start);
        }

        return await rows.GroupBy(d => d.OrgUnitId).Select(g => new { g.Key, Fen = g.Sum(d => d.AmountFen) }).ToDictionaryAsync(g => g.Key, g => g.Fen, ct);
    }

    private async Task<Dictionary<long, long>> PaymentsAsync(IQueryable<long> unitIds, DateOnly? from, DateOnly to, CancellationToken ct)
    {
        var rows = db.Set<FundPayment>().AsNoTracking()
            .Where(p => unitIds.Contains(p.OrgUnitId) && p.PaidOn <= to && (p.Status == PaymentStatus.Paid || p.Status == PaymentStatus.Reversal));
        if (from is { } start)
        {
            rows = rows.Where(p => p.PaidOn >= start);
        }

        return await rows.GroupBy(p => p.OrgUnitId).Select(g => new { g.Key, Fen = g.Sum(p => p.AmountFen) }).ToDictionaryAsync(g => g.Key, g => g.Fen, ct);
    }
}
