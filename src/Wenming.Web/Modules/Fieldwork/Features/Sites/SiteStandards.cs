using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fieldwork.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fieldwork.Features.Sites;

/// <summary><c>PUT /api/v1/sites/{orgUnitId}/standard/items/{item}</c>: <c>{note}</c>, the station's evidence in words.</summary>
public sealed record StateItemRequest(string? Note);

/// <summary>One item's score in an inspection: <c>{item, score (0–10), note?}</c>.</summary>
public sealed record ItemScoreInput(SiteItem? Item, int? Score, string? Note);

/// <summary><c>POST /api/v1/sites/{orgUnitId}/inspections</c>: <c>{inspectedOn?, note?, scores: [{item, score, note?}]}</c> — every item once.</summary>
public sealed record InspectSiteRequest(DateOnly? InspectedOn, string? Note, IReadOnlyList<ItemScoreInput>? Scores);

public sealed record SitePhotoUpload(string? FileName, Stream? Content);

public sealed record SitePhotoDto(long FileId, string FileName, string Url);

public sealed record SiteItemDto(SiteItem Item, string Label, string? Note, DateTimeOffset? UpdatedAt, string? UpdatedByLogin, IReadOnlyList<SitePhotoDto> Photos, int? LatestScore);

public sealed record ItemScoreDto(SiteItem Item, string Label, int Score, string? Note);

public sealed record InspectionDto(long Id, long OrgUnitId, DateOnly InspectedOn, int Total, int MaxTotal, decimal Score, string? ByLogin, string? ByUnitName, string? Note, IReadOnlyList<ItemScoreDto> Scores);

public sealed record InspectionSummaryDto(long Id, DateOnly InspectedOn, int Total, decimal Score, string? ByLogin);

public sealed record SiteStandardDto(long OrgUnitId, string UnitName, IReadOnlyList<SiteItemDto> Items, InspectionDto? Latest, IReadOnlyList<InspectionSummaryDto> History);

public sealed record SiteSummaryDto(long OrgUnitId, string Name, decimal? LatestScore, DateOnly? LatestOn, int Inspections, int ItemsStated);

/// <summary>
/// 阵地标准 (DESIGN §3, RULES.md site standard): each station keeps its 1强2好3化 checklist — what it states for each
/// item, with evidence photos — and its township or the county inspects it, scoring every item 0–10. The station's
/// page shows the latest score and the history. Scoped to the station: a sibling township's station is 404.
/// </summary>
public sealed class SiteStandardsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IFileStore files, TimeProvider clock)
{
    /// <summary>Whether the caller inspects (township, county, supervisor): the pages show the inspect form to them.</summary>
    public bool CallerInspects => actor.IsSystemAdmin || actor.Has(Role.CenterAdmin) || actor.Has(Role.InstituteAdmin) || actor.Has(Role.Supervisor);

    public bool CallerKeeps(long orgUnitId) => actor.IsSystemAdmin || (actor.Has(Role.StationAdmin) && actor.OrgUnitId == orgUnitId);

    public async Task<Result<IReadOnlyList<SiteSummaryDto>>> ListAsync(long? orgUnitId, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var units = (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Level == OrgLevel.Village && u.Status == OrgUnitStatus.Active).ToList();
        if (orgUnitId is { } under)
        {
            if (await orgs.FindAsync(under, ct) is not { } top)
            {
                return Error.NotFound("fieldwork.unit_not_found");
            }

            units = [.. units.Where(u => u.Path.StartsWith(top.Path, StringComparison.Ordinal))];
        }

        var ids = units.Select(u => u.Id).ToList();
        var inspections = await db.Set<SiteInspection>().AsNoTracking().Where(i => ids.Contains(i.OrgUnitId))
            .Select(i => new { i.Id, i.OrgUnitId, i.InspectedOn, i.Total }).ToListAsync(ct);
        var stated = await db.Set<SiteChecklistEntry>().AsNoTracking().Where(e => ids.Contains(e.OrgUnitId))
            .GroupBy(e => e.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return units.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u =>
        {
            var own = inspections.Where(i => i.OrgUnitId == u.Id).OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).ToList();
            var latest = own.FirstOrDefault();
            return new SiteSummaryDto(u.Id, u.Name, latest is null ? null : SiteItems.Score(latest.Total), latest?.InspectedOn, own.Count, stated.GetValueOrDefault(u.Id));
        }).ToList();
    }

    public async Task<Result<SiteStandardDto>> GetAsync(long orgUnitId, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        if (await StationAsync(orgUnitId, ct) is not { } station)
        {
            return Error.NotFound("fieldwork.station_not_found");
        }

        var entries = await db.Set<SiteChecklistEntry>().AsNoTracking().Where(e => e.OrgUnitId == orgUnitId).ToListAsync(ct);
        var photoRows = await db.Set<SiteEvidencePhoto>().AsNoTracking().Where(p => p.OrgUnitId == orgUnitId).OrderBy(p => p.Id).ToListAsync(ct);
        var described = await files.DescribeAsync([.. photoRows.Select(p => p.FileId)], ct);
        var history = await db.Set<SiteInspection>().AsNoTracking().Where(i => i.OrgUnitId == orgUnitId)
            .OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).ToListAsync(ct);
        var latest = history.Count == 0 ? null : await InspectionDtoAsync(history[0], ct);
        var items = SiteItems.All.Select(item =>
        {
            var entry = entries.FirstOrDefault(e => e.Item == item);
            var photos = photoRows.Where(p => p.Item == item && described.ContainsKey(p.FileId)).Select(p => described[p.FileId])
                .Select(f => new SitePhotoDto(f.Id, f.FileName, f.PageUrl)).ToList();
            return new SiteItemDto(
                item, Label(item), entry?.Note, entry is null ? null : Text.ToChinaTime(entry.UpdatedAt), entry?.UpdatedByLogin, photos,
                latest?.Scores.FirstOrDefault(s => s.Item == item)?.Score);
        }).ToList();
        return new SiteStandardDto(
            station.Id, station.Name, items, latest, [.. history.Select(i => new InspectionSummaryDto(i.Id, i.InspectedOn, i.Total, SiteItems.Score(i.Total), i.ByLogin))]);
    }

    /// <summary>The station's own admins state an item (a later statement replaces the text; the audit keeps the old one).</summary>
    public async Task<Result<SiteStandardDto>> StateAsync(long orgUnitId, SiteItem item, StateItemRequest request, CancellationToken ct)
    {
        if (await KeptStationAsync(orgUnitId, ct) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(request.Note))
        {
            return FieldErrors.Required("note", "Fieldwork.field.evidence");
        }

        if (request.Note.Trim().Length > SiteChecklistEntry.MaxNoteLength)
        {
            return FieldErrors.TooLong("note", "Fieldwork.field.evidence", SiteChecklistEntry.MaxNoteLength);
        }

        var station = (await orgs.FindAsync(orgUnitId, ct))!;
        var entry = await db.Set<SiteChecklistEntry>().SingleOrDefaultAsync(e => e.OrgUnitId == orgUnitId && e.Item == item, ct);
        if (entry is null)
        {
            entry = SiteChecklistEntry.Of(station.CountyId!.Value, orgUnitId, item);
            db.Add(entry);
        }

        entry.State(request.Note, actor.Login, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first statements of the same item at once: the unique index keeps one, the other is asked to retry.
            return Error.Conflict("fieldwork.changed");
        }

        return await GetAsync(orgUnitId, ct);
    }

    public async Task<Result<SiteStandardDto>> AddPhotoAsync(long orgUnitId, SiteItem item, SitePhotoUpload upload, CancellationToken ct)
    {
        if (await KeptStationAsync(orgUnitId, ct) is { } refused)
        {
            return refused;
        }

        if (await db.Set<SiteEvidencePhoto>().CountAsync(p => p.OrgUnitId == orgUnitId && p.Item == item, ct) >= SiteEvidencePhoto.MaxPerItem)
        {
            return FieldErrors.One("file", "fieldwork.too_many_evidence", "fieldwork.too_many_evidence", SiteEvidencePhoto.MaxPerItem);
        }

        var file = await files.AddAsync(upload.FileName, upload.Content, orgUnitId, ct);
        if (!file.IsSuccess)
        {
            return file.Error!;
        }

        var station = (await orgs.FindAsync(orgUnitId, ct))!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Add(SiteEvidencePhoto.Of(station.CountyId!.Value, orgUnitId, item, file.Value.Id, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(orgUnitId, ct);
    }

    /// <summary>The township or the county scores every item 0–10; the total and each score are kept, never edited.</summary>
    public async Task<Result<InspectionDto>> InspectAsync(long orgUnitId, InspectSiteRequest request, CancellationToken ct)
    {
        if (!CallerInspects)
        {
            return Error.Keyed("fieldwork.only_inspectors", ErrorKind.Forbidden, "fieldwork.only_inspectors");
        }

        if (await StationAsync(orgUnitId, ct) is not { } station)
        {
            return Error.NotFound("fieldwork.station_not_found");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(Text.ToChinaTime(now).DateTime);
        var fields = new FieldErrors();
        if (request.InspectedOn is { } on && on > today)
        {
            fields.Add("inspectedOn", "fieldwork.inspected_in_future");
        }

        if (request.Note is { } note && note.Trim().Length > SiteInspection.MaxNoteLength)
        {
            fields.AddTooLong("note", "Fieldwork.field.inspectionNote", SiteInspection.MaxNoteLength);
        }

        var scores = request.Scores ?? [];
        foreach (var (s, i) in scores.Select((s, i) => (s, i)))
        {
            if (s.Score is not { } value || value < 0 || value > SiteItems.MaxItemScore)
            {
                fields.Add($"scores[{i}].score", "fieldwork.score_range", SiteItems.MaxItemScore);
            }

            if (s.Note is { } n && n.Trim().Length > SiteInspectionScore.MaxNoteLength)
            {
                fields.AddTooLong($"scores[{i}].note", "Fieldwork.field.scoreNote", SiteInspectionScore.MaxNoteLength);
            }
        }

        var given = scores.Where(s => s.Item is not null).Select(s => s.Item!.Value).ToList();
        if (given.Count != scores.Count || given.Distinct().Count() != given.Count || SiteItems.All.Except(given).Any())
        {
            fields.Add("scores", "fieldwork.scores_every_item", SiteItems.All.Count);
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        var inspection = SiteInspection.Of(
            station.CountyId!.Value, station.Id, actor.OrgUnitId ?? station.CountyId.Value, actor.Login, request.InspectedOn ?? today, scores.Sum(s => s.Score!.Value), request.Note, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(inspection);
        await db.SaveChangesAsync(ct);
        foreach (var s in scores)
        {
            db.Add(SiteInspectionScore.Of(inspection, s.Item!.Value, s.Score!.Value, s.Note));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await InspectionDtoAsync(inspection, ct);
    }

    public async Task<Result<InspectionDto>> InspectionAsync(long orgUnitId, long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var inspection = await db.Set<SiteInspection>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.OrgUnitId == orgUnitId, ct);
        return inspection is null ? Error.NotFound("fieldwork.inspection_not_found") : await InspectionDtoAsync(inspection, ct);
    }

    public static string Label(SiteItem item) => Text.Get("Fieldwork.item." + item);

    private async Task<OrgUnitInfo?> StationAsync(long orgUnitId, CancellationToken ct) =>
        await orgs.FindAsync(orgUnitId, ct) is { Level: OrgLevel.Village } unit ? unit : null;

    private async Task<Error?> KeptStationAsync(long orgUnitId, CancellationToken ct)
    {
        if (await StationAsync(orgUnitId, ct) is null)
        {
            return Error.NotFound("fieldwork.station_not_found");
        }

        return CallerKeeps(orgUnitId) ? null : Error.Keyed("fieldwork.only_station", ErrorKind.Forbidden, "fieldwork.only_station");
    }

    private async Task<InspectionDto> InspectionDtoAsync(SiteInspection i, CancellationToken ct)
    {
        var scores = await db.Set<SiteInspectionScore>().AsNoTracking().Where(s => s.InspectionId == i.Id).ToListAsync(ct);
        var by = await orgs.FindUnscopedAsync(i.ByUnitId, ct);
        return new InspectionDto(
            i.Id, i.OrgUnitId, i.InspectedOn, i.Total, SiteItems.MaxTotal, SiteItems.Score(i.Total), i.ByLogin, by?.Name, i.Note,
            [.. scores.OrderBy(s => s.Item).Select(s => new ItemScoreDto(s.Item, Label(s.Item), s.Score, s.Note))]);
    }
}

/// <summary>
/// The statistics' and the 考评's "site score" (ADR 0040, ADR 0050): for each station, the score (0–100) of its latest
/// inspection dated in the window; a township or the county is the average over its inspected stations (a ratio of
/// the scores' sum over the number of stations), so that a station not inspected in the period neither helps nor hurts.
/// </summary>
internal sealed class SiteScoreIndicator(AppDbContext db) : Platform.Indicators.IIndicatorSource
{
    public IReadOnlyList<Platform.Indicators.IndicatorInfo> Indicators { get; } =
        [new("siteScore", "Fieldwork.indicator.siteScore", Platform.Indicators.IndicatorAggregate.Ratio, 95)];

    public async Task<IReadOnlyList<Platform.Indicators.UnitFigure>> ComputeAsync(string key, IQueryable<long> unitIds, Platform.Indicators.IndicatorWindow window, CancellationToken ct)
    {
        if (key != "siteScore")
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "Not an indicator of the fieldwork module.");
        }

        var (from, to) = (window.From, window.To);
        var rows = await db.Set<SiteInspection>().AsNoTracking()
            .Where(i => unitIds.Contains(i.OrgUnitId) && i.InspectedOn >= from && i.InspectedOn <= to)
            .Select(i => new { i.Id, i.OrgUnitId, i.InspectedOn, i.Total }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.OrgUnitId).Select(g =>
        {
            var latest = g.OrderByDescending(r => r.InspectedOn).ThenByDescending(r => r.Id).First();
            return new Platform.Indicators.UnitFigure(g.Key, SiteItems.Score(latest.Total), 1);
        })];
    }
}
