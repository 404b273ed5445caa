using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Tasks;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Supervision.Features.Reports;

/// <summary>A file attached to a report: its name and where pages and the API fetch it.</summary>
public sealed record InfoReportFileDto(long FileId, string FileName, bool IsImage, string Url, string PageUrl);

/// <summary>
/// An information report as the API answers it: who reported to whom, the category and urgency in English and Chinese,
/// the receipt and the follow-up with their due times (urgent only), and the light by the one rule (ADR 0043).
/// </summary>
public sealed record InfoReportDto(
    long Id,
    long OrgUnitId,
    string? OrgUnitName,
    long ToUnitId,
    string? ToUnitName,
    string Category,
    string CategoryLabel,
    bool Urgent,
    string Title,
    string Body,
    DateTimeOffset ReportedAt,
    string? ReportedByLogin,
    DateTimeOffset? ReadDueAt,
    DateTimeOffset? FollowUpDueAt,
    DateTimeOffset? ReadAt,
    string? ReadByLogin,
    string? FollowUp,
    DateTimeOffset? FollowUpAt,
    string? FollowUpByLogin,
    SupervisionLight Light,
    string LightLabel,
    IReadOnlyList<InfoReportFileDto> Files)
{
    public static InfoReportDto From(
        InfoReport r, DateTime now, IReadOnlyDictionary<long, string> units, IReadOnlyDictionary<string, string> categories, IReadOnlyList<InfoReportFileDto>? files)
    {
        var light = r.LightAt(now);
        return new(
            r.Id,
            r.OrgUnitId,
            units.GetValueOrDefault(r.OrgUnitId),
            r.ToUnitId,
            units.GetValueOrDefault(r.ToUnitId),
            r.Category,
            InfoReportLabels.Category(r.Category, categories),
            r.Urgent,
            r.Title,
            r.Body,
            Text.ToChinaTime(r.ReportedAt),
            r.ReportedByLogin,
            Local(r.ReadDueAt),
            Local(r.FollowUpDueAt),
            Local(r.ReadAt),
            r.ReadByLogin,
            r.FollowUp,
            Local(r.FollowUpAt),
            r.FollowUpByLogin,
            light,
            SupervisionLabels.Light(light),
            files ?? []);
    }

    private static DateTimeOffset? Local(DateTime? t) => t is { } v ? Text.ToChinaTime(v) : null;
}

/// <summary>One line of the ledger (台账): a unit's reports in a month, how many were urgent, read, followed up in time, red.</summary>
public sealed record InfoReportLedgerRow(long OrgUnitId, string? Name, string Month, int Total, int Urgent, int Read, int Unread, int OnTime, int Red);

/// <summary>The Chinese names of the must-report categories.</summary>
public static class InfoReportLabels
{
    public static string Category(InfoReportCategory category) => Text.Get("Supervision.category." + category);

    /// <summary>The county's name for a report's code; RULES.md's default name, or the code itself, when the county's list has no such code.</summary>
    public static string Category(string code, IReadOnlyDictionary<string, string> county) =>
        county.TryGetValue(code, out var name) ? name : Enum.TryParse<InfoReportCategory>(code, out var known) ? Category(known) : code;
}
