using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fieldwork.Domain;

/// <summary>
/// The items of the site standard (阵地标准, RULES.md): 1强2好3化 — a strong party organization; good industry and a
/// good mass base; regular activities, a standard venue and standard archives — plus signage, opening hours and
/// venue area. Stored by name; each is scored 0–10.
/// </summary>
public enum SiteItem
{
    StrongParty = 1,
    GoodIndustry = 2,
    GoodMassBase = 3,
    RegularActivities = 4,
    StandardVenue = 5,
    StandardArchives = 6,
    Signage = 7,
    OpeningHours = 8,
    VenueArea = 9,
}

public static class SiteItems
{
    public const int MaxItemScore = 10;

    public static IReadOnlyList<SiteItem> All { get; } = Enum.GetValues<SiteItem>();

    /// <summary>The most an inspection can total (every item at 10).</summary>
    public static int MaxTotal => All.Count * MaxItemScore;

    /// <summary>The total on a 0–100 scale, one decimal: what the station page, the statistics and the 考评 show.</summary>
    public static decimal Score(int total) => Math.Round(total * 100m / MaxTotal, 1);
}

/// <summary>
/// One line of a station's own checklist (fw_site_items): what the station states for the item (its evidence,
/// in words) and when; the photos are <see cref="SiteEvidencePhoto"/>. One row per station and item.
/// </summary>
public sealed class SiteChecklistEntry : IOrgScoped, ICountyScoped
{
    public const int MaxNoteLength = 500;

    private SiteChecklistEntry()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public SiteItem Item { get; private set; }

    public string Note { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public string? UpdatedByLogin { get; private set; }

    public static SiteChecklistEntry Of(long countyId, long orgUnitId, SiteItem item) => new() { CountyId = countyId, OrgUnitId = orgUnitId, Item = item };

    public void State(string note, string? login, DateTime now)
    {
        Note = note.Trim();
        UpdatedByLogin = login;
        UpdatedAt = now;
    }
}

/// <summary>An evidence photo of a checklist item (fw_site_photos), a stored file of the station.</summary>
public sealed class SiteEvidencePhoto : IOrgScoped, ICountyScoped
{
    public const int MaxPerItem = 4;

    private SiteEvidencePhoto()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public SiteItem Item { get; private set; }

    public long FileId { get; private set; }

    public DateTime AddedAt { get; private set; }

    public static SiteEvidencePhoto Of(long countyId, long orgUnitId, SiteItem item, long fileId, DateTime now) =>
        new() { CountyId = countyId, OrgUnitId = orgUnitId, Item = item, FileId = fileId, AddedAt = now };
}

/// <summary>
/// An inspection of a station (fw_site_inspections) by its township or the county: every item scored 0–10, the
/// total kept on the row so that the latest score per station is one column to read. Never edited: a new
/// inspection makes the history.
/// </summary>
public sealed class SiteInspection : IOrgScoped, ICountyScoped
{
    public const int MaxNoteLength = 1000;

    private SiteInspection()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The inspected station.</summary>
    public long OrgUnitId { get; private set; }

    public long ByUnitId { get; private set; }

    public string? ByLogin { get; private set; }

    /// <summary>The China date of the inspection.</summary>
    public DateOnly InspectedOn { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public int Total { get; private set; }

    public string? Note { get; private set; }

    public static SiteInspection Of(long countyId, long orgUnitId, long byUnitId, string? byLogin, DateOnly on, int total, string? note, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        ByUnitId = byUnitId,
        ByLogin = byLogin,
        InspectedOn = on,
        RecordedAt = now,
        Total = total,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };
}

/// <summary>One item's score in an inspection (fw_site_scores).</summary>
public sealed class SiteInspectionScore : IOrgScoped, ICountyScoped
{
    public const int MaxNoteLength = 200;

    private SiteInspectionScore()
    {
    }

    public long Id { get; private set; }

    public long InspectionId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public SiteItem Item { get; private set; }

    public int Score { get; private set; }

    public string? Note { get; private set; }

    public static SiteInspectionScore Of(SiteInspection inspection, SiteItem item, int score, string? note) => new()
    {
        InspectionId = inspection.Id,
        CountyId = inspection.CountyId,
        OrgUnitId = inspection.OrgUnitId,
        Item = item,
        Score = score,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
    };
}
