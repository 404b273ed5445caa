using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Calendar.Domain;

/// <summary>
/// A date the county puts on its practice calendar, with the unit responsible for it. Named like a fixed day on the
/// same date (中秋节, 学雷锋纪念日 …), it gives that day its responsible unit instead of adding a line. A county row,
/// not org-scoped: the whole county plans around the same calendar; each unit filters to what it answers for.
/// </summary>
public sealed class CountyDate : ICountyScoped
{
    public const int MaxNameLength = 60;
    public const int MaxNoteLength = 200;

    private CountyDate()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The responsible unit.</summary>
    public long OrgUnitId { get; private set; }

    public string UnitName { get; private set; } = "";

    public DateOnly Date { get; private set; }

    public string Name { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static CountyDate Create(long countyId, long orgUnitId, string unitName, DateOnly date, string name, string? note, DateTime now) =>
        new() { CountyId = countyId, OrgUnitId = orgUnitId, UnitName = unitName, Date = date, Name = name, Note = note, CreatedAt = now };
}
