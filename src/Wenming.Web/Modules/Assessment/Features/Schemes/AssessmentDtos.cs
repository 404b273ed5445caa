using System.ComponentModel;
using Wenming.Web.Modules.Assessment.Domain;

namespace Wenming.Web.Modules.Assessment.Features.Schemes;

/// <summary>API.md's <c>{orgUnitId, period, level, indicators:[{code, weight}]}</c>; indicators default to RULES.md's.</summary>
public sealed record CreateSchemeRequest(long? OrgUnitId, string? Period, string? Level, IReadOnlyList<IndicatorWeightRequest>? Indicators);

public sealed record IndicatorWeightRequest(string? Code, int? Weight);

/// <summary><c>{orgUnitId, score, evidence}</c>: a manual score 0–100 of a ranked unit, with its evidence.</summary>
public sealed record ManualScoreRequest(long? OrgUnitId, decimal? Score, string? Evidence);

/// <summary>A photo sent with a manual score (the page's form or the API's multipart post).</summary>
public sealed record ManualScorePhotoUpload(string? FileName, Stream? Content);

/// <summary>A photo of a manual score's evidence: its name and where pages and the API fetch it.</summary>
public sealed record ManualScorePhotoDto(long FileId, string FileName, string Url, string PageUrl);

public sealed record ListSchemesRequest
{
    public AssessmentStatus? Status { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <param name="Available">False when no module offers the figure yet (暂无数据; its weight goes to the others).</param>
public sealed record SchemeIndicatorDto(string Code, string Label, int Weight, bool Available);

public sealed record ManualScoreDto(
    long Id, long OrgUnitId, string? OrgUnitName, decimal Score, string Evidence, string? ByLogin, DateTimeOffset At, IReadOnlyList<ManualScorePhotoDto> Photos);

public sealed record SchemeDto(
    long Id,
    long OrgUnitId,
    string? OrgUnitName,
    string Title,
    string Period,
    string Level,
    string LevelLabel,
    AssessmentStatus Status,
    string StatusLabel,
    IReadOnlyList<SchemeIndicatorDto> Indicators,
    string? CreatedByLogin,
    DateTimeOffset CreatedAt,
    DateTimeOffset ComputedAt,
    string? ReviewedByLogin,
    DateTimeOffset? ReviewedAt,
    string? PublishedByLogin,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<ManualScoreDto>? ManualScores);

/// <summary>
/// One part of a score: the raw value (null: 暂无数据), normalised 0–100, declared and effective weight, points;
/// <paramref name="Percent"/> when the raw value is a rate from 0 to 1 (shown as a percentage).
/// </summary>
public sealed record RankingPartDto(string Code, string Label, decimal? Value, decimal? Normalised, int Weight, decimal EffectiveWeight, decimal Score, bool Percent);

/// <summary>API.md's ranking row <c>{orgUnitId, name, score, rank, parts:[{code, value, score}]}</c>.</summary>
public sealed record AssessmentRankingItemDto(long OrgUnitId, string? Name, decimal Score, int Rank, IReadOnlyList<RankingPartDto> Parts);

/// <summary>A unit's own published result (home card, the unit's page).</summary>
public sealed record MyResultDto(long SchemeId, string Title, string Period, decimal Score, int Rank, int RankedCount, DateTimeOffset PublishedAt, IReadOnlyList<RankingPartDto> Parts);
