using Wenming.Web.Platform.Lights;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Supervision.Domain;

/// <summary>Where a 督办 task stands. Stored as its name.</summary>
public enum SupervisionStatus
{
    /// <summary>Assigned, being worked on.</summary>
    Open = 1,

    /// <summary>Reported done by the unit; final.</summary>
    Completed = 2,
}

/// <summary>The supervision light (RULES.md 亮灯); the API sends the English name, pages the colour.</summary>
public enum SupervisionLight
{
    Green = 1,
    Blue = 2,
    Yellow = 3,
    Red = 4,
}

/// <summary>Where a task came from: assigned by a person, or raised by the overdue-order job.</summary>
public enum SupervisionSource
{
    Assigned = 1,
    OverdueOrder = 2,
}

/// <summary>
/// A 督办 task (sup_tasks, DESIGN §8): the county or a township assigns it to one unit of its subtree with a
/// due time; the unit reports progress and completes it; those above urge (催办, counted) and comment. Scoped
/// to the assignee unit, so the unit and every level above it (and the county's supervisor) see it, and a
/// sibling township does not.
/// </summary>
/// <remarks>
/// The light is a function of the state and the clock (<see cref="LightAt"/>). Its two inner boundaries are
/// stored when the task is made (<see cref="YellowFrom"/>, <see cref="HalfwayAt"/>), so that a list filtered
/// by light is plain comparisons of columns with "now" on both databases (no date arithmetic in SQL).
/// </remarks>
public sealed class SupervisionTask : IOrgScoped, ICountyScoped
{
    public const int MaxTitleLength = 100;
    public const int MaxDescriptionLength = 1000;
    public const int MaxNoteLength = 500;

    /// <summary>Less than this share of the time left turns an open task yellow (RULES.md: 20%).</summary>
    public const double AtRiskShare = LightRule.AtRiskShare;

    /// <summary>"Behind plan": half the time gone and less than this percent reported.</summary>
    public const int HalfwayPercent = 50;

    private SupervisionTask()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    /// <summary>The unit that must do it (the assignee); the scope is theirs.</summary>
    public long OrgUnitId { get; private set; }

    /// <summary>The unit that assigned it (a township or the county).</summary>
    public long AssignedByUnitId { get; private set; }

    public long? AssignedByUserId { get; private set; }

    public string? AssignedByLogin { get; private set; }

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public SupervisionSource Source { get; private set; }

    /// <summary>The order an overdue-order item stands for; unique, so the job raises one item per order.</summary>
    public long? SourceOrderId { get; private set; }

    public DateTime AssignedAt { get; private set; }

    /// <summary>The last instant at which the task is still on time (inclusive).</summary>
    public DateTime DueAt { get; private set; }

    /// <summary>From after this instant an open task has less than 20% of its time left.</summary>
    public DateTime YellowFrom { get; private set; }

    /// <summary>From this instant on an open task with less than half its work reported is behind plan.</summary>
    public DateTime HalfwayAt { get; private set; }

    public SupervisionStatus Status { get; private set; }

    public int Percent { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public int UrgeCount { get; private set; }

    public DateTime? LastUrgedAt { get; private set; }

    public long Version { get; private set; }

    /// <summary>Assigned to a department (ADR 0060): by when one of its admins must claim it as first handler; null otherwise.</summary>
    public DateTime? ClaimDueAt { get; private set; }

    /// <summary>首办人: the department admin who claimed the task first; answers for it until it is done.</summary>
    public long? FirstHandlerUserId { get; private set; }

    public string? FirstHandlerLogin { get; private set; }

    public DateTime? FirstClaimedAt { get; private set; }

    /// <summary>A department's task nobody has claimed yet.</summary>
    public bool AwaitsClaim => ClaimDueAt is not null && FirstHandlerUserId is null;

    public static SupervisionTask Assign(
        long countyId, long orgUnitId, long assignedByUnitId, long? userId, string? login, string title, string? description, DateTime dueAt, DateTime now,
        SupervisionSource source = SupervisionSource.Assigned, long? sourceOrderId = null, DateTime? claimDueAt = null)
    {
        var span = dueAt - now;
        return new SupervisionTask
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            AssignedByUnitId = assignedByUnitId,
            AssignedByUserId = userId,
            AssignedByLogin = login,
            Title = title.Trim(),
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
            Source = source,
            SourceOrderId = sourceOrderId,
            AssignedAt = now,
            DueAt = dueAt,
            YellowFrom = LightRule.YellowFrom(now, dueAt),
            HalfwayAt = now + (span / 2),
            Status = SupervisionStatus.Open,
            Version = 1,
            ClaimDueAt = claimDueAt,
        };
    }

    /// <summary>认领: the first admin of the department to claim it becomes its first handler; never replaced.</summary>
    public bool Claim(long userId, string? login, DateTime now)
    {
        if (!IsOpen || !AwaitsClaim)
        {
            return false;
        }

        FirstHandlerUserId = userId;
        FirstHandlerLogin = login;
        FirstClaimedAt = now;
        Version++;
        return true;
    }

    /// <summary>
    /// RULES.md 亮灯: 绿 done on or before the due time; 红 done late, or open past the due time; 黄 open with less
    /// than 20% of its time left, or behind plan (half the time gone, less than half the work reported); else 蓝.
    /// </summary>
    /// <remarks>A department's task still unclaimed after its claim deadline is red as well (ADR 0060), whatever its due time.</remarks>
    public SupervisionLight LightAt(DateTime nowUtc) =>
        IsOpen && AwaitsClaim && nowUtc > ClaimDueAt ? SupervisionLight.Red : LightOf(Status, DueAt, YellowFrom, HalfwayAt, Percent, CompletedAt, nowUtc);

    public static SupervisionLight LightOf(SupervisionStatus status, DateTime dueAt, DateTime yellowFrom, DateTime halfwayAt, int percent, DateTime? completedAt, DateTime nowUtc) =>
        (SupervisionLight)(status == SupervisionStatus.Completed
            ? LightRule.Done(completedAt, dueAt)
            : LightRule.Open(dueAt, yellowFrom, nowUtc, behindPlan: nowUtc >= halfwayAt && percent < HalfwayPercent));

    public bool IsOpen => Status == SupervisionStatus.Open;

    /// <summary>A progress report; the percent never goes back (a report without one keeps it).</summary>
    public bool Report(int? percent)
    {
        if (!IsOpen)
        {
            return false;
        }

        if (percent is { } p)
        {
            Percent = Math.Max(Percent, Math.Clamp(p, 0, 100));
        }

        Version++;
        return true;
    }

    public bool Complete(DateTime now)
    {
        if (!IsOpen)
        {
            return false;
        }

        Status = SupervisionStatus.Completed;
        Percent = 100;
        CompletedAt = now;
        Version++;
        return true;
    }

    public bool Urge(DateTime now)
    {
        if (!IsOpen)
        {
            return false;
        }

        UrgeCount++;
        LastUrgedAt = now;
        Version++;
        return true;
    }
}

/// <summary>What a timeline entry records.</summary>
public enum SupervisionEntryKind
{
    Assigned = 1,
    Progress = 2,
    Urged = 3,
    Comment = 4,
    Completed = 5,

    /// <summary>A department admin claimed the task as its first handler (ADR 0060).</summary>
    Claimed = 6,
}

/// <summary>One line of a task's timeline (sup_task_entries): who did what, when, with which note. Scoped like its task.</summary>
public sealed class SupervisionEntry : IOrgScoped, ICountyScoped
{
    private SupervisionEntry()
    {
    }

    public long Id { get; private set; }

    public long TaskId { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public SupervisionEntryKind Kind { get; private set; }

    public int? Percent { get; private set; }

    public string? Note { get; private set; }

    public long? ByUserId { get; private set; }

    public string? ByLogin { get; private set; }

    public DateTime At { get; private set; }

    public static SupervisionEntry Of(SupervisionTask task, SupervisionEntryKind kind, int? percent, string? note, long? userId, string? login, DateTime at) => new()
    {
        TaskId = task.Id,
        CountyId = task.CountyId,
        OrgUnitId = task.OrgUnitId,
        Kind = kind,
        Percent = percent,
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        ByUserId = userId,
        ByLogin = login,
        At = at,
    };
}
