using System.Globalization;
using Wenming.Web.Platform.Lights;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fieldwork.Domain;

/// <summary>
/// 包镇联村 (fw_leader_links, DESIGN §8): a county leader (an account of role Supervisor or CenterAdmin) linked to a
/// township or a village. Scoped to the linked unit, so a township's admins see who is linked to their units and a
/// sibling township does not. The leader's login and name are kept on the row because the township cannot read
/// the county's accounts.
/// </summary>
public sealed class LeaderLink : IOrgScoped, ICountyScoped
{
    public const int MaxNameLength = 64;

    private LeaderLink()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The linked township or village.</summary>
    public long OrgUnitId { get; private set; }

    public long LeaderUserId { get; private set; }

    public string LeaderLogin { get; private set; } = "";

    public string LeaderName { get; private set; } = "";

    /// <summary>The China date from which the leader answers for the unit (the overview shows no light before it).</summary>
    public DateOnly LinkedOn { get; private set; }

    public string? LinkedByLogin { get; private set; }

    public static LeaderLink Of(long countyId, long orgUnitId, long leaderUserId, string leaderLogin, string leaderName, DateOnly linkedOn, string? byLogin) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        LeaderUserId = leaderUserId,
        LeaderLogin = leaderLogin,
        LeaderName = leaderName.Length > MaxNameLength ? leaderName[..MaxNameLength] : leaderName,
        LinkedOn = linkedOn,
        LinkedByLogin = byLogin,
    };
}

/// <summary>
/// A leader's visit (fw_leader_visits): the China date, the place, what was found, photos, and the 督办 task a
/// problem became. Scoped to the visited unit.
/// </summary>
public sealed class LeaderVisit : IOrgScoped, ICountyScoped
{
    public const int MaxPlaceLength = 100;
    public const int MaxFoundLength = 2000;
    public const int MaxPhotos = 6;

    /// <summary>How far back a visit may be logged (a leader catches up on last month's, not last year's).</summary>
    public const int MaxDaysBack = 62;

    private LeaderVisit()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long LeaderUserId { get; private set; }

    public string LeaderLogin { get; private set; } = "";

    public DateOnly VisitedOn { get; private set; }

    public string Place { get; private set; } = "";

    public string Found { get; private set; } = "";

    public DateTime RecordedAt { get; private set; }

    /// <summary>Set once when the leader starts turning the problem into a task; a second attempt is refused.</summary>
    public DateTime? TaskRequestedAt { get; private set; }

    /// <summary>The supervision task the problem became.</summary>
    public long? TaskId { get; private set; }

    public static LeaderVisit Log(long countyId, long orgUnitId, long leaderUserId, string leaderLogin, DateOnly visitedOn, string place, string found, DateTime now) => new()
    {
        CountyId = countyId,
        OrgUnitId = orgUnitId,
        LeaderUserId = leaderUserId,
        LeaderLogin = leaderLogin,
        VisitedOn = visitedOn,
        Place = place.Trim(),
        Found = found.Trim(),
        RecordedAt = now,
    };

    public void BecameTask(long taskId) => TaskId = taskId;
}

/// <summary>A photo of a visit (fw_leader_visit_photos): the bytes are a stored file of the visited unit.</summary>
public sealed class LeaderVisitPhoto : IOrgScoped, ICountyScoped
{
    private LeaderVisitPhoto()
    {
    }

    public long Id { get; private set; }

    public long VisitId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long FileId { get; private set; }

    public static LeaderVisitPhoto Of(LeaderVisit visit, long fileId) => new() { VisitId = visit.Id, CountyId = visit.CountyId, OrgUnitId = visit.OrgUnitId, FileId = fileId };
}

/// <summary>
/// RULES.md 包镇联村: a leader visits at least once a month, else yellow. The month is China's (a visit dated the
/// 30th of November counts for November even when logged after midnight of December 1st in UTC terms). A month
/// with a visit is green; the current month without one is yellow at once (there is no "still on time" blue: the
/// rule asks for one visit in the month, and the leader's home says so from the 1st), and so is a past month
/// without one.
/// </summary>
public static class VisitMonths
{
    public static DateOnly ChinaToday(DateTime nowUtc) => DateOnly.FromDateTime(Text.ToChinaTime(nowUtc).DateTime);

    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly FirstDay(DateOnly date) => new(date.Year, date.Month, 1);

    public static Light LightOf(int visits) => visits > 0 ? Light.Green : Light.Yellow;

    /// <summary>The <paramref name="count"/> months up to and including the current China month, oldest first.</summary>
    public static IReadOnlyList<DateOnly> Recent(DateTime nowUtc, int count)
    {
        var current = FirstDay(ChinaToday(nowUtc));
        return [.. Enumerable.Range(0, count).Select(i => current.AddMonths(i - count + 1))];
    }
}
