using Wenming.Web.Modules.Assessment.Features.Schemes;

namespace Wenming.UnitTests;

/// <summary>The 考评 arithmetic (RULES.md assessment, ADR 0049): normalisation, shared weights, ties, parts adding up.</summary>
public sealed class AssessmentScoringTests
{
    [Fact]
    public void Scores_are_normalised_to_the_best_weighted_and_an_indicator_nobody_has_gives_its_weight_to_the_others()
    {
        var ranked = AssessmentScoring.Rank(
            [1, 2, 3],
            [
                new("a", 60, new Dictionary<long, decimal> { [1] = 10, [2] = 5, [3] = 10 }),
                new("b", 40, new Dictionary<long, decimal> { [1] = 0.5m, [2] = 1m }),
                new("c", 20, new Dictionary<long, decimal>()),
            ]);

        Assert.Equal([(1L, 80m, 1), (2L, 70m, 2), (3L, 60m, 3)], ranked.Select(r => (r.OrgUnitId, r.Score, r.Rank)));
        var first = ranked[0].Parts;
        Assert.Equal([60m, 40m, 0m], first.Select(p => p.EffectiveWeight));
        Assert.Equal([100m, 50m, null], first.Select(p => p.Normalised));
        Assert.Null(ranked[2].Parts[1].Value);
        Assert.Equal(0m, ranked[2].Parts[1].Score);
        Assert.All(ranked, r => Assert.Equal(r.Score, r.Parts.Sum(p => p.Score)));
    }

    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_is_skipped()
    {
        var ranked = AssessmentScoring.Rank([1, 2, 3, 4], [new("a", 10, new Dictionary<long, decimal> { [1] = 4, [2] = 8, [3] = 8, [4] = 2 })]);
        Assert.Equal([(2L, 1), (3L, 1), (1L, 3), (4L, 4)], ranked.Select(r => (r.OrgUnitId, r.Rank)));
        Assert.Equal([100m, 100m, 50m, 25m], ranked.Select(r => r.Score));
    }

    [Fact]
    public void Lower_is_better_puts_the_best_at_100_and_the_worst_at_0_and_manual_scores_stay_on_their_scale()
    {
        var ranked = AssessmentScoring.Rank(
            [1, 2, 3],
            [
                new("red", 50, new Dictionary<long, decimal> { [1] = 0, [2] = 2, [3] = 4 }, HigherIsBetter: false),
                new("manual", 50, new Dictionary<long, decimal> { [1] = 60, [3] = 90 }, AlreadyOnScale: true),
            ]);
        var byUnit = ranked.ToDictionary(r => r.OrgUnitId);
        Assert.Equal([100m, 50m, 0m], new[] { 1L, 2L, 3L }.Select(u => byUnit[u].Parts[0].Normalised!.Value));
        Assert.Equal(80m, byUnit[1].Score);
        Assert.Equal(25m, byUnit[2].Score);
        Assert.Equal(45m, byUnit[3].Score);
    }

    [Fact]
    public void When_every_unit_has_nothing_the_best_is_no_better_than_zero()
    {
        var ranked = AssessmentScoring.Rank([1, 2], [new("a", 10, new Dictionary<long, decimal> { [1] = 0, [2] = 0 })]);
        Assert.All(ranked, r => Assert.Equal((0m, 1), (r.Score, r.Rank)));
    }
}
