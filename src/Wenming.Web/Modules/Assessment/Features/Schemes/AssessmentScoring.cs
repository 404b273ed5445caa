namespace Wenming.Web.Modules.Assessment.Features.Schemes;

/// <summary>One indicator of one unit: the raw value (null: 暂无数据), its 0–100 normalisation, weights and points.</summary>
public sealed record ScorePart(string Code, decimal? Value, decimal? Normalised, int Weight, decimal EffectiveWeight, decimal Score);

public sealed record UnitScore(long OrgUnitId, decimal Score, int Rank, IReadOnlyList<ScorePart> Parts);

/// <summary>An indicator's raw values per unit (a unit missing from the map has no data) and its direction.</summary>
public sealed record IndicatorValues(string Code, int Weight, IReadOnlyDictionary<long, decimal> Values, bool HigherIsBetter = true, bool AlreadyOnScale = false);

/// <summary>
/// The 考评 arithmetic (RULES.md assessment, ADR 0049), with no database: each indicator is normalised to 0–100 within
/// the period (the best unit 100, the others in proportion to it; for an indicator where lower is better, the best 100
/// and the worst 0); an indicator no unit has a value for is left out and its weight shared among the others in
/// proportion (weights are rescaled to add up to 100); a unit without a value where others have one scores 0 on it.
/// Each part's points are rounded to hundredths and the score is their sum, so the published parts add up exactly.
/// Equal scores share a rank (1, 1, 3).
/// </summary>
public static class AssessmentScoring
{
    public static IReadOnlyList<UnitScore> Rank(IReadOnlyList<long> units, IReadOnlyList<IndicatorValues> indicators)
    {
        var withData = indicators.Where(i => units.Any(i.Values.ContainsKey)).ToList();
        var totalWeight = withData.Sum(i => i.Weight);
        var effective = indicators.ToDictionary(
            i => i.Code,
            i => totalWeight == 0 || !withData.Contains(i) ? 0m : Math.Round(i.Weight * 100m / totalWeight, 4));
        var normalised = indicators.ToDictionary(i => i.Code, i => Normalise(units, i));

        var scored = units.Select(u =>
        {
            var parts = indicators.Select(i =>
            {
                var value = i.Values.TryGetValue(u, out var v) ? v : (decimal?)null;
                var n = normalised[i.Code].GetValueOrDefault(u);
                var points = n is { } x ? Math.Round(x * effective[i.Code] / 100m, 2) : 0m;
                return new ScorePart(i.Code, value, n, i.Weight, effective[i.Code], points);
            }).ToList();
            return (Unit: u, Score: parts.Sum(p => p.Score), Parts: parts);
        }).OrderByDescending(x => x.Score).ThenBy(x => x.Unit).ToList();

        var ranked = new List<UnitScore>(scored.Count);
        for (var k = 0; k < scored.Count; k++)
        {
            var rank = k > 0 && scored[k].Score == scored[k - 1].Score ? ranked[k - 1].Rank : k + 1;
            ranked.Add(new UnitScore(scored[k].Unit, scored[k].Score, rank, scored[k].Parts));
        }

        return ranked;
    }

    /// <summary>0–100 per unit with a value; units without one are left out (they score 0 on it).</summary>
    internal static Dictionary<long, decimal?> Normalise(IReadOnlyList<long> units, IndicatorValues indicator)
    {
        var values = units.Where(indicator.Values.ContainsKey).ToDictionary(u => u, u => indicator.Values[u]);
        var result = new Dictionary<long, decimal?>();
        if (values.Count == 0)
        {
            return result;
        }

        var max = values.Values.Max();
        var min = values.Values.Min();
        foreach (var (unit, v) in values)
        {
            decimal n;
            if (indicator.AlreadyOnScale)
            {
                n = Math.Clamp(v, 0, 100);
            }
            else if (indicator.HigherIsBetter)
            {
                n = max <= 0 ? 0 : Math.Max(0, v) / max * 100m;
            }
            else
            {
                n = max == min ? 100 : (max - v) / (max - min) * 100m;
            }

            result[unit] = Math.Round(n, 2);
        }

        return result;
    }
}
