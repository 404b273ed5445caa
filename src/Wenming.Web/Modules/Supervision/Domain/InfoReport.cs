using Wenming.Web.Platform.Lights;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Supervision.Domain;

/// <summary>
/// RULES.md's nine must-report categories (必报): every county's defaults, their names the codes reports store. A county
/// edits its own list (<see cref="ReportCategory"/>), so a report's category is a code, not this enum.
/// </summary>
public enum InfoReportCategory
{
    MajorActivity = 1,
    Emergency = 2,
    SafetyAccident = 3,
    MassIncident = 4,
    PublicOpinion = 5,
    Exemplar = 6,
    ImportantMeeting = 7,
    Experience = 8,
    Difficulty = 9,
}

/// <summary>
/// An information report (信息报送, sup_info_reports): a township or a station reports upward to its parent unit. Scoped to
/// the reporting unit, so the unit and every level above it see it and a sibling does not. An urgent report must be read
/// (a receipt) by the level above within 1 h and followed up in writing (续报) by the reporting unit within 24 h; either
/// late, or still missing past its time, is red. A routine report is blue until read, then green.
/// </summary>
/// <remarks>
/// Both urgent steps' due instants and their yellow boundaries are stored when the report is made, so a list filtered
/// by light is plain comparisons of columns with "now" (as for 督办 tasks, ADR 0042); the light itself is
/// <see cref="LightRule"/>'s, step by step, worst step wins (ADR 0043).
/// </remarks>
public sealed class InfoReport : IOrgScoped, ICountyScoped
{
    public const int MaxTitleLength = 100;
    public const int MaxBodyLength = 4000;
    public const int MaxFollowUpLength = 2000;
    public const int MaxAttachments = 6;

    /// <summary>An urgent report must be read within this time (RULES.md: 1 h).</summary>
    public static readonly TimeSpan ReadWithin = TimeSpan.FromHours(1);

    /// <summary>An urgent report must be followed up in writing within this time (RULES.md: 24 h).</summary>
    public static readonly TimeSpan FollowUpWithin = TimeSpan.FromHours(24);

    private InfoReport()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The reporting unit; the scope is theirs.</summary>
    public long OrgUnitId { get; private set; }

    /// <summary>The receiving level: the reporting unit's parent.</summary>
    public long ToUnitId { get; private set; }

    /// <summary>The code of one of the county's categories (<see cref="ReportCategory.Code"/>).</summary>
    public string Category { get; private set; } = "";

    public bool Urgent { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime ReportedAt { get; private set; }

    public long? ReportedByUserId { get; private set; }

    public string? ReportedByLogin { get; private set; }

    /// <summary>Urgent only: the last instant a receipt is on time.</summary>
    public DateTime? ReadDueAt { get; private set; }

    public DateTime? ReadYellowFrom { get; private set; }

    /// <summary>Urgent only: the last instant the written follow-up is on time.</summary>
    public DateTime? FollowUpDueAt { get; private set; }

    public DateTime? FollowUpYellowFrom { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public long? ReadByUserId { get; private set; }

    public string? ReadByLogin { get; private set; }

    public string? FollowUp { get; private set; }

    public DateTime? FollowUpAt { get; private set; }

    public string? FollowUpByLogin { get; private set; }

    public long Version { get; private set; }

    public static InfoReport Create(
        long countyId, long orgUnitId, long toUnitId, InfoReportCategory category, bool urgent, string title, string body, long? userId, string? login, DateTime now) =>
        Create(countyId, orgUnitId, toUnitId, category.ToString(), urgent, title, body, userId, login, now);

    public static InfoReport Create(
        long countyId, long orgUnitId, long toUnitId, string category, bool urgent, string title, string body, long? userId, string? login, DateTime now)
    {
        var report = new InfoReport
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            ToUnitId = toUnitId,
            Category = category,
            Urgent = urgent,
            Title = title.Trim(),
            Body = body.Trim(),
            ReportedAt = now,
            ReportedByUserId = userId,
            ReportedByLogin = login,
            Version = 1,
        };
        if (urgent)
        {
            report.ReadDueAt = now + ReadWithin;
            report.ReadYellowFrom = LightRule.YellowFrom(now, now + ReadWithin);
            report.FollowUpDueAt = now + FollowUpWithin;
            report.FollowUpYellowFrom = LightRule.YellowFrom(now, now + FollowUpWithin);
        }

        return report;
    }

    public bool IsRead => ReadAt is not null;

    /// <summary>RULES.md 亮灯 for a report: urgent ones by their two steps (receipt, follow-up), the worst wins; routine ones 蓝 until read, then 绿.</summary>
    public SupervisionLight LightAt(DateTime nowUtc) => (SupervisionLight)LightOf(Urgent, ReadAt, ReadDueAt, ReadYellowFrom, FollowUpAt, FollowUpDueAt, FollowUpYellowFrom, nowUtc);

    public static Light LightOf(
        bool urgent, DateTime? readAt, DateTime? readDue, DateTime? readYellow, DateTime? followUpAt, DateTime? followUpDue, DateTime? followUpYellow, DateTime nowUtc)
    {
        if (!urgent || readDue is not { } rd || followUpDue is not { } fd)
        {
            return readAt is null ? Light.Blue : Light.Green;
        }

        var read = readAt is null ? LightRule.Open(rd, readYellow ?? rd, nowUtc) : LightRule.Done(readAt, rd);
        var followed = followUpAt is null ? LightRule.Open(fd, followUpYellow ?? fd, nowUtc) : LightRule.Done(followUpAt, fd);
        return LightRule.Worst(read, followed);
    }

    /// <summary>The receipt: the first reader counts, a second read changes nothing.</summary>
    public bool MarkRead(long? userId, string? login, DateTime now)
    {
        if (IsRead)
        {
            return false;
        }

        ReadAt = now;
        ReadByUserId = userId;
        ReadByLogin = login;
        Version++;
        return true;
    }

    /// <summary>The written follow-up (续报); a later one replaces the text, the first instant counts for the light.</summary>
    public void AddFollowUp(string text, string? login, DateTime now)
    {
        FollowUp = text.Trim();
        FollowUpAt ??= now;
        FollowUpByLogin = login;
        Version++;
    }
}

/// <summary>A file attached to an information report (sup_info_report_files): the bytes are a stored file of the reporting unit.</summary>
public sealed class InfoReportAttachment : IOrgScoped, ICountyScoped
{
    private InfoReportAttachment()
    {
    }

    public long Id { get; private set; }

    public long ReportId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long FileId { get; private set; }

    public static InfoReportAttachment Of(InfoReport report, long fileId) => new()
    {
        ReportId = report.Id,
        CountyId = report.CountyId,
        OrgUnitId = report.OrgUnitId,
        FileId = fileId,
    };
}
