using System.Globalization;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Assessment.Domain;

/// <summary>Where a scheme stands (DESIGN §8): computed (and recomputed while manual scores come in) → reviewed → published.</summary>
public enum AssessmentStatus
{
    Computed = 1,
    Reviewed = 2,
    Published = 3,
}

/// <summary>
/// A 考评 scheme (asm_schemes): a county or a township ranks the townships or villages below it over a month or a year
/// by weighted indicators. Scoped to the unit that runs it, so a township sees its own schemes for its villages and not
/// the county's (it sees its own published result of those, <see cref="AssessmentResult"/>).
/// </summary>
public sealed class AssessmentScheme : IOrgScoped, ICountyScoped
{
    public const int MaxWeight = 100;

    private AssessmentScheme()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The unit whose townships or villages are ranked.</summary>
    public long OrgUnitId { get; private set; }

    /// <summary>"2026-11" for a month, "2026" for a year.</summary>
    public string Period { get; private set; } = "";

    /// <summary>The level ranked: "Township" or "Village".</summary>
    public string Level { get; private set; } = "";

    /// <summary>"code:weight,code:weight" in the order given: a handful of pairs, read whole.</summary>
    public string Indicators { get; private set; } = "";

    public AssessmentStatus Status { get; private set; }

    public long? CreatedByUserId { get; private set; }

    public string? CreatedByLogin { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ComputedAt { get; private set; }

    public long? ReviewedByUserId { get; private set; }

    public string? ReviewedByLogin { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? PublishedByLogin { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<(string Code, int Weight)> Weights => [.. Indicators.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split(':'))
        .Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture)))];

    public static AssessmentScheme Create(long countyId, long orgUnitId, string period, string level, IEnumerable<(string Code, int Weight)> weights, long? userId, string? login, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        Period = period,
        Level = level,
        Indicators = string.Join(',', weights.Select(w => w.Code + ":" + w.Weight.ToString(CultureInfo.InvariantCulture))),
        Status = AssessmentStatus.Computed,
        CreatedByUserId = userId,
        CreatedByLogin = login,
        CreatedAt = now,
        ComputedAt = now,
        Version = 1,
    };

    /// <summary>A recomputation (a manual score came in, or the figures moved): only before review.</summary>
    public bool Recomputed(DateTime now)
    {
        if (Status != AssessmentStatus.Computed)
        {
            return false;
        }

        ComputedAt = now;
        Version++;
        return true;
    }

    public bool Review(long? userId, string? login, DateTime now)
    {
        if (Status != AssessmentStatus.Computed)
        {
            return false;
        }

        Status = AssessmentStatus.Reviewed;
        ReviewedByUserId = userId;
        ReviewedByLogin = login;
        ReviewedAt = now;
        Version++;
        return true;
    }

    public bool Publish(string? login, DateTime now)
    {
        if (Status != AssessmentStatus.Reviewed)
        {
            return false;
        }

        Status = AssessmentStatus.Published;
        PublishedByLogin = login;
        PublishedAt = now;
        Version++;
        return true;
    }
}

/// <summary>
/// One ranked unit's result in a scheme (asm_results), scoped to that unit: the scheme's runner sees every row, the
/// unit its own once published. Carries the period, level and size of the ranking so that a unit reads its result
/// without reading the scheme above its scope. Derived from audited rows (the scheme, manual scores, the modules'
/// own records) and rewritten on each computation, so not audited itself.
/// </summary>
[NotAudited]
public sealed class AssessmentResult : IOrgScoped, ICountyScoped
{
    private AssessmentResult()
    {
    }

    public long Id { get; private set; }

    public long SchemeId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public string Period { get; private set; } = "";

    public string Level { get; private set; } = "";

    public decimal Score { get; private set; }

    public int Rank { get; private set; }

    public int RankedCount { get; private set; }

    /// <summary>How the score was made: the parts as JSON (code, value, normalised, weight, effective weight, score).</summary>
    public string Parts { get; private set; } = "[]";

    public DateTime? PublishedAt { get; private set; }

    public static AssessmentResult Of(AssessmentScheme scheme, long orgUnitId, decimal score, int rank, int rankedCount, string parts) => new()
    {
        SchemeId = scheme.Id,
        CountyId = scheme.CountyId,
        OrgUnitId = orgUnitId,
        Period = scheme.Period,
        Level = scheme.Level,
        Score = score,
        Rank = rank,
        RankedCount = rankedCount,
        Parts = parts,
    };

    public void Publish(DateTime now) => PublishedAt = now;
}

/// <summary>
/// A manual score (asm_manual_scores) of one unit in a scheme, 0–100, with its evidence: a note, photos
/// (<see cref="AssessmentManualScorePhoto"/>) or both, never neither (RULES.md); scoped to the unit scored.
/// </summary>
public sealed class AssessmentManualScore : IOrgScoped, ICountyScoped
{
    public const int MaxEvidenceLength = 500;

    /// <summary>Photos from the inspection, as many as a visit or a report takes.</summary>
    public const int MaxPhotos = 6;

    private AssessmentManualScore()
    {
    }

    public long Id { get; private set; }

    public long SchemeId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public decimal Score { get; private set; }

    public string Evidence { get; private set; } = "";

    public long? ByUserId { get; private set; }

    public string? ByLogin { get; private set; }

    public DateTime At { get; private set; }

    public static AssessmentManualScore Of(AssessmentScheme scheme, long orgUnitId, decimal score, string evidence, long? userId, string? login, DateTime at) => new()
    {
        SchemeId = scheme.Id,
        CountyId = scheme.CountyId,
        OrgUnitId = orgUnitId,
        Score = score,
        Evidence = evidence.Trim(),
        ByUserId = userId,
        ByLogin = login,
        At = at,
    };
}

/// <summary>
/// A photo of a manual score's evidence (asm_manual_score_photos). It and its stored file belong to the unit that runs
/// the scheme, not to the unit scored: those who see the ranking's making (the runner, the levels above, their
/// supervisors) see the photos; the unit scored, reading its published row, does not (ADR 0057).
/// </summary>
public sealed class AssessmentManualScorePhoto : IOrgScoped, ICountyScoped
{
    private AssessmentManualScorePhoto()
    {
    }

    public long Id { get; private set; }

    public long ScoreId { get; private set; }

    public long SchemeId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long FileId { get; private set; }

    public static AssessmentManualScorePhoto Of(AssessmentScheme scheme, AssessmentManualScore score, long fileId) => new()
    {
        ScoreId = score.Id,
        SchemeId = scheme.Id,
        CountyId = scheme.CountyId,
        OrgUnitId = scheme.OrgUnitId,
        FileId = fileId,
    };
}
