using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Supervision.Domain;

/// <summary>
/// One of a county's must-report categories (必报, sup_report_categories). RULES.md's nine are every county's defaults,
/// coded by <see cref="InfoReportCategory"/>'s names; a county adds its own, renames, reorders and retires them. A report
/// stores the category's code, never its id or name, so a rename shows on old reports and a retired category stays on
/// them (ADR 0057). Retired categories are not offered and not accepted for new reports.
/// </summary>
public sealed class ReportCategory : ICountyScoped
{
    public const int MaxNameLength = 20;
    public const int MaxCodeLength = 24;

    /// <summary>A county keeps its list short enough for a select on a phone.</summary>
    public const int MaxPerCounty = 40;

    private ReportCategory()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>What reports store and clients send: a default's English name (<c>SafetyAccident</c>) or <c>c{n}</c> for a county's own.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public int SortOrder { get; private set; }

    public bool Retired { get; private set; }

    public long Version { get; private set; }

    public static ReportCategory Of(long countyId, string code, string name, int sortOrder) => new()
    {
        CountyId = countyId,
        Code = code,
        Name = name.Trim(),
        SortOrder = sortOrder,
        Version = 1,
    };

    public void Change(string name, int sortOrder, bool retired)
    {
        Name = name.Trim();
        SortOrder = sortOrder;
        Retired = retired;
        Version++;
    }
}
