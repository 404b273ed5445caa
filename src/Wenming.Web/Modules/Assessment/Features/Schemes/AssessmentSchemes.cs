using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Assessment.Domain;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Indicators;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Assessment.Features.Schemes;

/// <summary>
/// 考评 (DESIGN §8, RULES.md assessment, ADR 0049): the county (or a township) defines a scheme for a month or a year and a
/// level; the values come from the statistics' indicator sources (ADR 0040) per ranked unit over the period, manual
/// scores from supervisors with evidence; <see cref="AssessmentScoring"/> makes the scores, which are stored per unit
/// with their parts. Computed → reviewed (by another person) → published to the units. Scope: the scheme belongs to the
/// unit that runs it; a ranked unit reads its own row once published.
/// </summary>
public sealed class AssessmentSchemesHandler(
    AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IEnumerable<IIndicatorSource> sources, INotifier notifier, IFileStore files, TimeProvider clock)
{
    public const string Manual = "manual";

    /// <summary>每站活动数: activities over the stations in a unit, derived here.</summary>
    private const string PerStation = "activitiesPerStation";

    /// <summary>志愿者参与率: active over registered volunteers, derived here; a rate from 0 to 1.</summary>
    private const string Participation = "volunteerParticipation";

    public const int MaxIndicators = 12;

    /// <summary>RULES.md's indicators and default weights, in its order.</summary>
    public static readonly IReadOnlyList<(string Code, int Weight)> DefaultWeights =
    [
        (PerStation, 20), ("onTimeRate", 20), ("satisfaction", 15), (Participation, 15),
        ("archiveCompleteness", 10), ("reportsOnTime", 10), ("siteScore", 10),
    ];

    /// <summary>Codes this module derives from statistics figures (or its own manual scores) rather than reads as they are.</summary>
    private static readonly string[] Derived = [PerStation, Participation, Manual];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, List<(IIndicatorSource Source, IndicatorInfo Info)>> _indicators = sources
        .SelectMany(s => s.Indicators.Select(i => (Source: s, Info: i)))
        .GroupBy(x => x.Info.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The codes a scheme may use: RULES.md's, the manual score, and every indicator a module offers.</summary>
    public IReadOnlyList<string> Codes => [.. DefaultWeights.Select(w => w.Code).Append(Manual).Concat(_indicators.Keys.Order(StringComparer.Ordinal)).Distinct()];

    public string Label(string code) =>
        Text.Has("Assessment.code." + code) ? Text.Get("Assessment.code." + code)
        : _indicators.TryGetValue(code, out var list) ? Text.Get(list[0].Info.LabelKey) : code;

    /// <summary>Whether the code's raw value is a rate from 0 to 1: the participation this module derives, or an indicator that says so.</summary>
    public bool Percent(string code) => code == Participation || (_indicators.TryGetValue(code, out var list) && list[0].Info.Percent);

    /// <summary>Whether any module offers what the code needs (false: 暂无数据 for every unit).</summary>
    public bool Available(string code) => code switch
    {
        Manual => true,
        PerStation => _indicators.ContainsKey("activities"),
        Participation => _indicators.ContainsKey("volunteersActive") && _indicators.ContainsKey("volunteersRegistered"),
        _ => _indicators.ContainsKey(code),
    };

    public static string Title(string period, string level)
    {
        var levelLabel = Text.Get("Assessment.level." + level);
        return period.Length == 4
            ? Text.Get("Assessment.title.year", period, levelLabel)
            : Text.Get("Assessment.title.month", period[..4], int.Parse(period[5..], CultureInfo.InvariantCulture), levelLabel);
    }

    /// <summary>"2026-11" → November 2026; "2026" → the year. Null when the text is neither.</summary>
    public static (DateOnly From, DateOnly To)? ParsePeriod(string? period)
    {
        var text = period?.Trim() ?? "";
        if (text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return (first, first.AddMonths(1).AddDays(-1));
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        return null;
    }

    public async Task<Result<SchemeDto>> CreateAsync(CreateSchemeRequest request, CancellationToken ct)
    {
        // The county (center) and the townships (institutes) assess the units below them.
        if (actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin) is { } forbidden)
        {
            return forbidden;
        }

        var errors = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            errors.AddRequired("orgUnitId", "Assessment.field.orgUnitId");
        }

        if (string.IsNullOrWhiteSpace(request.Period))
        {
            errors.AddRequired("period", "Assessment.field.period");
        }
        else if (ParsePeriod(request.Period) is null)
        {
            errors.Add("period", "assessment.period_format");
        }

        OrgLevel? level = request.Level?.Trim() switch
        {
            null or "" => null,
            "Township" => OrgLevel.Township,
            "Village" => OrgLevel.Village,
            _ => (OrgLevel)0,
        };
        if (level is null)
        {
            errors.AddRequired("level", "Assessment.field.level");
        }
        else if (level == 0)
        {
            errors.Add("level", "assessment.level_invalid");
        }

        var weights = CheckIndicators(request.Indicators, errors);
        if (errors.ToError() is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return AssessmentErrors.UnitNotFound();
        }

        if (unit.Level is not (OrgLevel.County or OrgLevel.Township) || unit.Level >= level || unit.Status != OrgUnitStatus.Active)
        {
            return FieldErrors.One("level", "assessment.level_below", "assessment.level_below");
        }

        var now = Now;
        var scheme = AssessmentScheme.Create(unit.CountyId ?? unit.Id, unit.Id, request.Period!.Trim(), level!.Value.ToString(), weights!, actor.UserId, actor.Login, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(scheme);
        await db.SaveChangesAsync(ct);
        await ComputeIntoAsync(scheme, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(scheme, withManual: true, ct);
    }

    private List<(string Code, int Weight)>? CheckIndicators(IReadOnlyList<IndicatorWeightRequest>? indicators, FieldErrors errors)
    {
        if (indicators is null)
        {
            return [.. DefaultWeights];
        }

        if (indicators.Count == 0 || indicators.Count > MaxIndicators)
        {
            errors.Add("indicators", "assessment.indicators_count", MaxIndicators);
            return null;
        }

        var codes = Codes;
        var list = new List<(string, int)>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var code = indicators[i].Code?.Trim();
            var field = $"indicators[{i}]";
            if (string.IsNullOrEmpty(code))
            {
                errors.AddRequired(field + ".code", "Assessment.field.code");
            }
            else if (!codes.Contains(code, StringComparer.Ordinal))
            {
                errors.Add(field + ".code", "assessment.code_unknown", code, string.Join("、", codes));
            }
            else if (list.Any(x => x.Item1 == code))
            {
                errors.Add(field + ".code", "assessment.code_twice", code);
            }

            if (indicators[i].Weight is not { } weight || weight is < 1 or > AssessmentScheme.MaxWeight)
            {
                errors.Add(field + ".weight", "assessment.weight_range", AssessmentScheme.MaxWeight);
            }
            else if (!string.IsNullOrEmpty(code))
            {
                list.Add((code, weight));
            }
        }

        return list;
    }

    public async Task<Result<PageOf<SchemeDto>>> ListAsync(ListSchemesRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        var query = db.Set<AssessmentScheme>().AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        var page = await query.OrderByDescending(s => s.Period).ThenByDescending(s => s.Id).ToPageAsync(paging, ct);
        var names = await orgs.NamesAsync([.. page.Items.Select(s => s.OrgUnitId).Distinct()], ct);
        return new PageOf<SchemeDto>([.. page.Items.Select(s => Dto(s, names, null))], page.Page, page.PageSize, page.Total);
    }

    public async Task<Result<SchemeDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return scheme is null ? AssessmentErrors.NotFound() : await DtoAsync(scheme, withManual: true, ct);
    }

    /// <summary>
    /// The ranking. Those who see the scheme (its unit's subtree: the runner, the levels above, their supervisors) get
    /// every row in any state; a ranked unit gets its own row once published, nothing else (404 before).
    /// </summary>
    public async Task<Result<List<AssessmentRankingItemDto>>> RankingAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var seesScheme = await db.Set<AssessmentScheme>().AnyAsync(s => s.Id == id, ct);
        var rows = db.Set<AssessmentResult>().AsNoTracking().Where(r => r.SchemeId == id);
        if (!seesScheme)
        {
            rows = rows.Where(r => r.PublishedAt != null);
        }

        var results = await rows.ToListAsync(ct);
        if (!seesScheme && results.Count == 0)
        {
            return AssessmentErrors.NotFound();
        }

        var names = await orgs.NamesAsync([.. results.Select(r => r.OrgUnitId)], ct);
        return results.OrderBy(r => r.Rank).ThenBy(r => names.GetValueOrDefault(r.OrgUnitId), StringComparer.Ordinal)
            .Select(r => new AssessmentRankingItemDto(r.OrgUnitId, names.GetValueOrDefault(r.OrgUnitId), r.Score, r.Rank, Parts(r.Parts)))
            .ToList();
    }

    /// <summary>The caller's own unit's published results, newest first.</summary>
    public async Task<Result<List<MyResultDto>>> MineAsync(CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var own = actor.OrgUnitId;
        var rows = await db.Set<AssessmentResult>().AsNoTracking()
            .Where(r => r.OrgUnitId == own && r.PublishedAt != null)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Take(24).ToListAsync(ct);
        return rows.Select(r => new MyResultDto(r.SchemeId, Title(r.Period, r.Level), r.Period, r.Score, r.Rank, r.RankedCount, Text.ToChinaTime(r.PublishedAt!.Value), Parts(r.Parts))).ToList();
    }

    /// <summary>Computes again from today's figures (before review only): the runner's admins.</summary>
    public Task<Result<SchemeDto>> RecomputeAsync(long id, CancellationToken ct) =>
        StepAsync(id, [Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin], async scheme =>
        {
            if (!scheme.Recomputed(Now))
            {
                return AssessmentErrors.WrongState(StatusLabel(scheme.Status));
            }

            await ComputeIntoAsync(scheme, ct);
            return null;
        }, ct);

    public Task<Result<SchemeDto>> AddManualScoreAsync(long id, ManualScoreRequest request, CancellationToken ct) => AddManualScoreAsync(id, request, [], ct);

    /// <summary>
    /// A supervisor (or an admin above the units) scores a ranked unit by hand with evidence: a note, up to six photos, or
    /// both; neither is refused (RULES.md). The photos are stored as the scheme's unit's files; the ranking is recomputed.
    /// </summary>
    public async Task<Result<SchemeDto>> AddManualScoreAsync(long id, ManualScoreRequest request, IReadOnlyList<ManualScorePhotoUpload> photos, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.OrgUnitId is null)
        {
            errors.AddRequired("orgUnitId", "Assessment.field.orgUnitId");
        }

        if (request.Score is null)
        {
            errors.AddRequired("score", "Assessment.field.score");
        }
        else if (request.Score is < 0 or > 100 || decimal.Round(request.Score.Value, 2) != request.Score.Value)
        {
            errors.Add("score", "assessment.score_range");
        }

        if (string.IsNullOrWhiteSpace(request.Evidence))
        {
            if (photos.Count == 0)
            {
                errors.AddRequired("evidence", "Assessment.field.evidence");
            }
        }
        else if (request.Evidence.Trim().Length > AssessmentManualScore.MaxEvidenceLength)
        {
            errors.AddTooLong("evidence", "Assessment.field.evidence", AssessmentManualScore.MaxEvidenceLength);
        }

        if (photos.Count > AssessmentManualScore.MaxPhotos)
        {
            errors.Add("photos", "assessment.too_many_photos", AssessmentManualScore.MaxPhotos);
        }

        return await StepAsync(id, [Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin, Role.Supervisor], async scheme =>
        {
            if (errors.ToError() is { } invalid)
            {
                return invalid;
            }

            if (!scheme.Weights.Any(w => w.Code == Manual))
            {
                return AssessmentErrors.NoManualIndicator();
            }

            var unitId = request.OrgUnitId!.Value;
            if (!await db.Set<AssessmentResult>().AnyAsync(r => r.SchemeId == scheme.Id && r.OrgUnitId == unitId, ct))
            {
                return FieldErrors.One("orgUnitId", "assessment.unit_not_ranked", "assessment.unit_not_ranked");
            }

            if (!scheme.Recomputed(Now))
            {
                return AssessmentErrors.WrongState(StatusLabel(scheme.Status));
            }

            var staged = new List<StoredFile>();
            foreach (var photo in photos)
            {
                var file = await files.AddAsync(photo.FileName, photo.Content, scheme.OrgUnitId, ct, field: "photos");
                var refused = !file.IsSuccess ? file.Error! : FileSniffer.IsImage(file.Value.ContentType) ? null : FieldErrors.One("photos", "assessment.photos_only", "assessment.photos_only");
                if (file.IsSuccess)
                {
                    staged.Add(file.Value);
                }

                if (refused is not null)
                {
                    Untrack(staged);
                    return refused;
                }
            }

            var score = AssessmentManualScore.Of(scheme, unitId, request.Score!.Value, request.Evidence ?? "", actor.UserId, actor.Login, Now);
            db.Add(score);
            await db.SaveChangesAsync(ct);
            foreach (var file in staged)
            {
                db.Add(AssessmentManualScorePhoto.Of(scheme, score, file.Id));
            }

            await ComputeIntoAsync(scheme, ct);
            return null;
        }, ct);
    }

    /// <summary>
    /// Another admin than the scheme's maker checks it. Not a supervisor: they change nothing but their own scores,
    /// comments and urges (issue 13), so they score by hand and the admins sign the numbers off.
    /// </summary>
    public Task<Result<SchemeDto>> ReviewAsync(long id, CancellationToken ct) =>
        StepAsync(id, [Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin], scheme =>
        {
            if (scheme.Status == AssessmentStatus.Computed && scheme.CreatedByUserId == actor.UserId)
            {
                return Task.FromResult<Error?>(AssessmentErrors.OwnScheme());
            }

            return Task.FromResult(scheme.Review(actor.UserId, actor.Login, Now) ? null : AssessmentErrors.WrongState(StatusLabel(scheme.Status)));
        }, ct);

    /// <summary>Published to the ranked units: each sees its own rank and parts, and its admins get a message.</summary>
    public Task<Result<SchemeDto>> PublishAsync(long id, CancellationToken ct) =>
        StepAsync(id, [Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin], async scheme =>
        {
            var now = Now;
            if (!scheme.Publish(actor.Login, now))
            {
                return AssessmentErrors.WrongState(StatusLabel(scheme.Status));
            }

            var results = await db.Set<AssessmentResult>().Where(r => r.SchemeId == scheme.Id).ToListAsync(ct);
            var title = Title(scheme.Period, scheme.Level);
            foreach (var r in results)
            {
                r.Publish(now);
                await notifier.ToUnitAdminsAsync(
                    r.OrgUnitId,
                    new Notice(Text.Get("Assessment.notice.published.title"), Text.Get("Assessment.notice.published.body", title, r.Rank, r.RankedCount, r.Score), $"/assessments/{scheme.Id}"),
                    ct);
            }

            return null;
        }, ct);

    private async Task<Result<SchemeDto>> StepAsync(long id, Role[] roles, Func<AssessmentScheme, Task<Error?>> step, CancellationToken ct)
    {
        if (actor.RequireAny(roles) is { } forbidden)
        {
            return forbidden;
        }

        var scheme = await db.Set<AssessmentScheme>().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
        {
            return AssessmentErrors.NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (await step(scheme) is { } refused)
            {
                return refused;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two steps at once (a review while a manual score recomputes): the scheme's version lets one through.
            return AssessmentErrors.Changed();
        }

        return await DtoAsync(scheme, withManual: true, ct);
    }

    /// <summary>
    /// Replaces the scheme's result rows with a fresh computation: the visible active units of the level under the
    /// scheme's unit, each indicator's value per unit over the period from the indicator sources, then the arithmetic.
    /// </summary>
    internal async Task ComputeIntoAsync(AssessmentScheme scheme, CancellationToken ct)
    {
        var (from, to) = ParsePeriod(scheme.Period)!.Value;
        var window = new IndicatorWindow(from, to, Now);
        var visible = await orgs.VisibleUnitsAsync(ct);
        var root = visible.Single(u => u.Id == scheme.OrgUnitId);
        var level = Enum.Parse<OrgLevel>(scheme.Level);
        var ranked = visible
            .Where(u => u.Level == level && u.Id != root.Id && u.Path.StartsWith(root.Path, StringComparison.Ordinal) && u.Status == OrgUnitStatus.Active)
            .OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        var rankedIds = ranked.Select(u => u.Id).ToList();
        var unitIds = (await orgs.UnitIdsUnderAsync(root.Id, ct))!;
        var paths = visible.ToDictionary(u => u.Id, u => u.Path);

        var indicators = new List<IndicatorValues>();
        foreach (var (code, weight) in scheme.Weights)
        {
            indicators.Add(await ValuesAsync(scheme, code, weight, ranked, visible, unitIds, paths, window, ct));
        }

        var scores = AssessmentScoring.Rank(rankedIds, indicators);
        var old = await db.Set<AssessmentResult>().Where(r => r.SchemeId == scheme.Id).ToListAsync(ct);
        db.RemoveRange(old);
        foreach (var s in scores)
        {
            db.Add(AssessmentResult.Of(scheme, s.OrgUnitId, s.Score, s.Rank, scores.Count, JsonSerializer.Serialize(s.Parts, Json)));
        }
    }

    private async Task<IndicatorValues> ValuesAsync(
        AssessmentScheme scheme, string code, int weight, List<OrgUnitInfo> ranked, IReadOnlyList<OrgUnitInfo> visible, IQueryable<long> unitIds,
        Dictionary<long, string> paths, IndicatorWindow window, CancellationToken ct)
    {
        var none = new Dictionary<long, decimal>();
        if (!Available(code))
        {
            return new IndicatorValues(code, weight, none);
        }

        if (code == Manual)
        {
            var manual = await db.Set<AssessmentManualScore>().AsNoTracking().Where(m => m.SchemeId == scheme.Id).Select(m => new { m.OrgUnitId, m.Score }).ToListAsync(ct);
            return new IndicatorValues(code, weight, manual.GroupBy(m => m.OrgUnitId).ToDictionary(g => g.Key, g => Math.Round(g.Average(m => m.Score), 2)), AlreadyOnScale: true);
        }

        if (code == PerStation)
        {
            var held = await TotalsAsync("activities", ranked, unitIds, paths, window, ct);
            var values = new Dictionary<long, decimal>();
            foreach (var u in ranked)
            {
                // Per station, so that a township with many villages is not ahead by its size alone.
                var stations = Math.Max(1, visible.Count(v => v.Level == OrgLevel.Village && v.Status == OrgUnitStatus.Active && v.Path.StartsWith(u.Path, StringComparison.Ordinal)));
                if (held.TryGetValue(u.Id, out var h))
                {
                    values[u.Id] = Math.Round(h / stations, 2);
                }
            }

            return new IndicatorValues(code, weight, values);
        }

        if (code == Participation)
        {
            var active = await TotalsAsync("volunteersActive", ranked, unitIds, paths, window, ct);
            var registered = await TotalsAsync("volunteersRegistered", ranked, unitIds, paths, window, ct);
            var values = new Dictionary<long, decimal>();
            foreach (var u in ranked)
            {
                if (registered.TryGetValue(u.Id, out var r) && r > 0)
                {
                    values[u.Id] = Math.Round(active.GetValueOrDefault(u.Id) / r, 4);
                }
            }

            return new IndicatorValues(code, weight, values);
        }

        var info = _indicators[code][0].Info;
        return new IndicatorValues(code, weight, await TotalsAsync(code, ranked, unitIds, paths, window, ct), info.HigherIsBetter);
    }

    /// <summary>An indicator's figure per ranked unit, its subtree added up as the statistics do (ADR 0040); null ratios left out.</summary>
    private async Task<Dictionary<long, decimal>> TotalsAsync(
        string key, List<OrgUnitInfo> ranked, IQueryable<long> unitIds, Dictionary<long, string> paths, IndicatorWindow window, CancellationToken ct)
    {
        var contributions = _indicators[key];
        var figures = new List<UnitFigure>();
        foreach (var (source, _) in contributions)
        {
            figures.AddRange(await source.ComputeAsync(key, unitIds, window, ct));
        }

        var perUnit = ranked.ToDictionary(u => u.Id, _ => (Value: 0m, Weight: 0m));
        foreach (var f in figures)
        {
            if (!paths.TryGetValue(f.OrgUnitId, out var path))
            {
                continue;
            }

            foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var ancestor) && perUnit.TryGetValue(ancestor, out var sum))
                {
                    perUnit[ancestor] = (sum.Value + f.Value, sum.Weight + f.Weight);
                }
            }
        }

        var ratio = contributions[0].Info.Aggregate == IndicatorAggregate.Ratio;
        var totals = new Dictionary<long, decimal>();
        foreach (var (unit, (value, w)) in perUnit)
        {
            if (!ratio)
            {
                totals[unit] = value;
            }
            else if (w != 0)
            {
                totals[unit] = Math.Round(value / w, 4);
            }
        }

        return totals;
    }

    private List<RankingPartDto> Parts(string json) =>
        [.. (JsonSerializer.Deserialize<List<ScorePart>>(json, Json) ?? []).Select(p => new RankingPartDto(p.Code, Label(p.Code), p.Value, p.Normalised, p.Weight, p.EffectiveWeight, p.Score, Percent(p.Code)))];

    public static string StatusLabel(AssessmentStatus status) => Text.Get("Assessment.status." + status);

    private void Untrack(List<StoredFile> staged)
    {
        foreach (var file in staged)
        {
            if (file.Content is not null)
            {
                db.Entry(file.Content).State = EntityState.Detached;
            }

            db.Entry(file).State = EntityState.Detached;
        }
    }

    private async Task<SchemeDto> DtoAsync(AssessmentScheme scheme, bool withManual, CancellationToken ct)
    {
        List<AssessmentManualScore> manual = withManual
            ? await db.Set<AssessmentManualScore>().AsNoTracking().Where(m => m.SchemeId == scheme.Id).OrderByDescending(m => m.At).ThenByDescending(m => m.Id).ToListAsync(ct)
            : [];
        var names = await orgs.NamesAsync([scheme.OrgUnitId, .. manual.Select(m => m.OrgUnitId)], ct);
        var photos = new Dictionary<long, List<ManualScorePhotoDto>>();
        if (manual.Count > 0)
        {
            // Through the scoped context and the file store's own scope: photos reach only those who may see the scheme.
            var rows = await db.Set<AssessmentManualScorePhoto>().AsNoTracking().Where(p => p.SchemeId == scheme.Id).OrderBy(p => p.Id).ToListAsync(ct);
            var described = await files.DescribeAsync([.. rows.Select(p => p.FileId)], ct);
            foreach (var row in rows.Where(p => described.ContainsKey(p.FileId)))
            {
                var f = described[row.FileId];
                (photos.TryGetValue(row.ScoreId, out var list) ? list : photos[row.ScoreId] = []).Add(new ManualScorePhotoDto(f.Id, f.FileName, f.ApiUrl, f.PageUrl));
            }
        }

        return Dto(scheme, names, withManual ? manual : null, photos);
    }

    private SchemeDto Dto(AssessmentScheme s, IReadOnlyDictionary<long, string> names, List<AssessmentManualScore>? manual, Dictionary<long, List<ManualScorePhotoDto>>? photos = null) => new(
        s.Id,
        s.OrgUnitId,
        names.GetValueOrDefault(s.OrgUnitId),
        Title(s.Period, s.Level),
        s.Period,
        s.Level,
        Text.Get("Assessment.level." + s.Level),
        s.Status,
        StatusLabel(s.Status),
        [.. s.Weights.Select(w => new SchemeIndicatorDto(w.Code, Label(w.Code), w.Weight, Available(w.Code)))],
        s.CreatedByLogin,
        Text.ToChinaTime(s.CreatedAt),
        Text.ToChinaTime(s.ComputedAt),
        s.ReviewedByLogin,
        s.ReviewedAt is { } r ? Text.ToChinaTime(r) : null,
        s.PublishedByLogin,
        s.PublishedAt is { } p ? Text.ToChinaTime(p) : null,
        manual?.Select(m => new ManualScoreDto(
            m.Id, m.OrgUnitId, names.GetValueOrDefault(m.OrgUnitId), m.Score, m.Evidence, m.ByLogin, Text.ToChinaTime(m.At),
            photos is not null && photos.TryGetValue(m.Id, out var list) ? list : [])).ToList());
}
