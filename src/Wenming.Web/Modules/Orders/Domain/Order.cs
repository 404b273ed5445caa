using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Lights;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Domain;

/// <summary>DESIGN §5: Submitted → Dispatched → Accepted → Completed → Rated → Closed, plus the two ways out.</summary>
public enum OrderStatus
{
    Submitted = 1,
    Dispatched = 2,
    Accepted = 3,
    Completed = 4,
    Rated = 5,
    Closed = 6,
    Withdrawn = 7,
    Rejected = 8,
}

/// <summary>Everything that moves an order: people's actions and the deadline job's two (<see cref="ExpireAccept"/>, <see cref="AutoClose"/>).</summary>
public enum OrderAction
{
    Dispatch = 1,
    Claim = 2,
    Accept = 3,
    Decline = 4,
    Complete = 5,
    Rate = 6,
    Withdraw = 7,
    Reject = 8,
    Escalate = 9,
    Reassign = 10,
    ExpireAccept = 11,
    AutoClose = 12,
    FlagOverdue = 13,

    /// <summary>转部门: the dispatcher passes a waiting order to a county department (ADR 0060).</summary>
    ToDepartment = 14,

    /// <summary>认领: a department admin takes the order as its first handler (首办人); the first to claim wins.</summary>
    FirstClaim = 15,
}

public enum DispatchMode
{
    Directed = 1,
    Pool = 2,
}

/// <summary>
/// The order workflow as one table: every (state, action) pair not listed is refused with
/// <c>order.invalid_transition</c>. Who may take an action (requester, admin, team leader, the job) is
/// checked by the handlers; this table only says which moves exist. A test walks every pair.
/// </summary>
public static class OrderTransitions
{
    private static readonly Dictionary<(OrderStatus From, OrderAction Action), OrderStatus> Table = new()
    {
        [(OrderStatus.Submitted, OrderAction.Dispatch)] = OrderStatus.Dispatched,
        [(OrderStatus.Submitted, OrderAction.Withdraw)] = OrderStatus.Withdrawn,
        [(OrderStatus.Submitted, OrderAction.Reject)] = OrderStatus.Rejected,
        // Passing up keeps the order waiting for dispatch, now by the parent unit's admins.
        [(OrderStatus.Submitted, OrderAction.Escalate)] = OrderStatus.Submitted,
        [(OrderStatus.Submitted, OrderAction.FlagOverdue)] = OrderStatus.Submitted,
        // 首办责任制 (ADR 0060): passed to a department, the order waits for dispatch there, first for a claim.
        [(OrderStatus.Submitted, OrderAction.ToDepartment)] = OrderStatus.Submitted,
        [(OrderStatus.Submitted, OrderAction.FirstClaim)] = OrderStatus.Submitted,
        [(OrderStatus.Dispatched, OrderAction.Claim)] = OrderStatus.Accepted,
        [(OrderStatus.Dispatched, OrderAction.Accept)] = OrderStatus.Accepted,
        // No one is forced to serve (志愿服务条例 art. 25): a decline sends the order back to dispatch.
        [(OrderStatus.Dispatched, OrderAction.Decline)] = OrderStatus.Submitted,
        [(OrderStatus.Dispatched, OrderAction.Withdraw)] = OrderStatus.Withdrawn,
        [(OrderStatus.Dispatched, OrderAction.Reject)] = OrderStatus.Rejected,
        [(OrderStatus.Dispatched, OrderAction.Reassign)] = OrderStatus.Dispatched,
        [(OrderStatus.Dispatched, OrderAction.Escalate)] = OrderStatus.Submitted,
        [(OrderStatus.Dispatched, OrderAction.ExpireAccept)] = OrderStatus.Submitted,
        [(OrderStatus.Accepted, OrderAction.Complete)] = OrderStatus.Completed,
        // An admin may take an accepted order from a team that cannot finish it; the new team must accept again.
        [(OrderStatus.Accepted, OrderAction.Reassign)] = OrderStatus.Dispatched,
        [(OrderStatus.Accepted, OrderAction.FlagOverdue)] = OrderStatus.Accepted,
        [(OrderStatus.Completed, OrderAction.Rate)] = OrderStatus.Rated,
        [(OrderStatus.Completed, OrderAction.AutoClose)] = OrderStatus.Closed,
        [(OrderStatus.Rated, OrderAction.AutoClose)] = OrderStatus.Closed,
    };

    public static OrderStatus? Next(OrderStatus from, OrderAction action) =>
        Table.TryGetValue((from, action), out var to) ? to : null;

    public static bool IsOpen(OrderStatus status) => status is OrderStatus.Submitted or OrderStatus.Dispatched or OrderStatus.Accepted;
}

/// <summary>The county's time limits (RULES.md, Orders), copied into each step's deadline when the step starts.</summary>
/// <param name="ClaimHours">How long a department has to name its first handler (认领) once an order is passed to it (ADR 0060).</param>
public sealed record OrderDeadlines(int DispatchHours, int AcceptHours, int CompleteDays, int AutoCloseDays, int ClaimHours = OrderDeadlines.DefaultClaimHours)
{
    public const int DefaultClaimHours = 24;

    public static readonly OrderDeadlines Defaults = new(24, 24, 7, 7);
}

/// <summary>
/// A service order (点单). <see cref="OrgUnitId"/> is the unit where the need is (the requester's
/// village, usually) and never changes, so the station keeps following it; <see cref="HandlingUnitId"/>
/// is the unit whose admins dispatch it: the catalog item's unit, moved up one level by each escalation.
/// Every change goes through <see cref="Apply"/>, which bumps <see cref="Version"/>, the concurrency
/// token: an UPDATE … WHERE Version = @seen, so of two actors moving one order only the first wins.
/// </summary>
public sealed class Order : IOrgScoped, ICountyScoped
{
    private readonly List<OrderHistory> _history = [];

    private Order()
    {
    }

    public long Id { get; private set; }

    public long CountyId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long HandlingUnitId { get; private set; }

    public long? ServiceItemId { get; private set; }

    public string Description { get; private set; } = "";

    [Sensitive]
    public string? Address { get; private set; }

    public DateTime? WantedAt { get; private set; }

    [Sensitive]
    public string ContactPhone { get; private set; } = "";

    /// <summary>The requester was anonymized (ADR 0023): the contact phone and address go; what was asked and done stays.</summary>
    public void EraseContact()
    {
        ContactPhone = "";
        Address = null;
    }

    /// <summary>The person served; the one who may withdraw and rate.</summary>
    public long RequesterPersonId { get; private set; }

    public long? SubmittedByUserId { get; private set; }

    /// <summary>Ordered by a station admin for the resident (e.g. an elderly person who phoned).</summary>
    public bool OnBehalf { get; private set; }

    public OrderStatus Status { get; private set; }

    public DispatchMode? DispatchMode { get; private set; }

    /// <summary>The team it is dispatched to, or that claimed or accepted it.</summary>
    public long? TeamId { get; private set; }

    /// <summary>The completion date agreed at acceptance.</summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>When the current step started and when it is due (dispatch, accept, complete, auto-close).</summary>
    public DateTime StepStartedAt { get; private set; }

    public DateTime? DeadlineAt { get; private set; }

    /// <summary>Set by the deadline job when a step ran over; stays set, so the order stays flagged.</summary>
    public bool Flagged { get; private set; }

    /// <summary>When the current step ran over (null while on time); reset when the step changes.</summary>
    public DateTime? OverdueSince { get; private set; }

    public string? RejectReason { get; private set; }

    /// <summary>The county department the order was passed to (转部门), if any; it stays after the claim.</summary>
    public long? DepartmentId { get; private set; }

    /// <summary>首办人: the department admin who claimed it first; answers for it until it is closed.</summary>
    public long? FirstHandlerUserId { get; private set; }

    /// <summary>The first handler's name as shown when they claimed (the order page and board show it without a join).</summary>
    public string? FirstHandlerName { get; private set; }

    public DateTime? FirstClaimedAt { get; private set; }

    /// <summary>Passed to a department and not yet claimed: the step's deadline is the claim deadline.</summary>
    public bool AwaitsClaim => DepartmentId is not null && FirstHandlerUserId is null;

    public string? Summary { get; private set; }

    public int? Stars { get; private set; }

    public string? RatingComment { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<OrderHistory> History => _history;

    public static Order Submit(
        long countyId, long orgUnitId, long handlingUnitId, long? serviceItemId, string description, string? address, DateTime? wantedAt, string contactPhone,
        long requesterPersonId, long? byUserId, bool onBehalf, OrderDeadlines deadlines, DateTime nowUtc)
    {
        var order = new Order
        {
            CountyId = countyId,
            OrgUnitId = orgUnitId,
            HandlingUnitId = handlingUnitId,
            ServiceItemId = serviceItemId,
            Description = description.Trim(),
            Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim(),
            WantedAt = wantedAt,
            ContactPhone = contactPhone.Trim(),
            RequesterPersonId = requesterPersonId,
            SubmittedByUserId = byUserId,
            OnBehalf = onBehalf,
            Status = OrderStatus.Submitted,
            SubmittedAt = nowUtc,
            StepStartedAt = nowUtc,
            DeadlineAt = nowUtc.AddHours(deadlines.DispatchHours),
        };
        return order;
    }

    /// <summary>
    /// The first history entry. Added once the order is saved and has its id, so that the entry (and
    /// its audit record, which is captured before the insert) carries the real order id.
    /// </summary>
    public void RecordSubmitted()
    {
        if (_history.Count == 0)
        {
            _history.Add(OrderHistory.Of(this, null, OrderStatus.Submitted, null, SubmittedByUserId, SubmittedAt, null));
        }
    }

    /// <summary>
    /// Moves the order along the table and records the step in its history. The caller has checked who
    /// may act; <paramref name="change"/> sets the fields the action carries (team, due date, reason …).
    /// </summary>
    public Error? Apply(OrderAction action, long? byUserId, DateTime nowUtc, string? note, OrderDeadlines deadlines, Action<Order>? change = null)
    {
        if (OrderTransitions.Next(Status, action) is not { } next)
        {
            return OrderErrors.InvalidTransition();
        }

        var from = Status;
        change?.Invoke(this);
        Status = next;
        Version++;
        if (action != OrderAction.FlagOverdue && (from != next || action is OrderAction.Escalate or OrderAction.Reassign or OrderAction.ToDepartment or OrderAction.FirstClaim))
        {
            StartStep(next, nowUtc, deadlines);
        }

        _history.Add(OrderHistory.Of(this, from, next, action, byUserId, nowUtc, note));
        return null;
    }

    private void StartStep(OrderStatus status, DateTime nowUtc, OrderDeadlines deadlines)
    {
        StepStartedAt = nowUtc;
        OverdueSince = null;
        DeadlineAt = status switch
        {
            // Waiting for a department's claim: the county's claim time, under the same light rule as any step.
            OrderStatus.Submitted => nowUtc.AddHours(AwaitsClaim ? deadlines.ClaimHours : deadlines.DispatchHours),
            OrderStatus.Dispatched => nowUtc.AddHours(deadlines.AcceptHours),
            OrderStatus.Accepted => DueAt,
            OrderStatus.Completed or OrderStatus.Rated => (CompletedAt ?? nowUtc).AddDays(deadlines.AutoCloseDays),
            _ => null,
        };
    }

    internal void SetDispatch(DispatchMode mode, long? teamId)
    {
        DispatchMode = mode;
        TeamId = teamId;
    }

    internal void ClearDispatch()
    {
        DispatchMode = null;
        TeamId = null;
        DueAt = null;
    }

    internal void SetAccepted(long teamId, DateTime dueAt)
    {
        TeamId = teamId;
        DueAt = dueAt;
    }

    internal void SetCompleted(string summary, DateTime nowUtc)
    {
        Summary = summary.Trim();
        CompletedAt = nowUtc;
    }

    internal void SetRating(int stars, string? comment)
    {
        Stars = stars;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    internal void SetRejected(string reason) => RejectReason = reason.Trim();

    internal void MoveUpTo(long parentUnitId)
    {
        HandlingUnitId = parentUnitId;
        ClearDispatch();
    }

    /// <summary>To a department: it dispatches the order now, once one of its admins has claimed it.</summary>
    internal void PassToDepartment(long departmentId)
    {
        DepartmentId = departmentId;
        HandlingUnitId = departmentId;
        ClearDispatch();
    }

    /// <summary>Never cleared: the first handler answers for the order until it is closed (ADR 0060).</summary>
    internal void SetFirstHandler(long userId, string name, DateTime nowUtc)
    {
        FirstHandlerUserId = userId;
        FirstHandlerName = name;
        FirstClaimedAt = nowUtc;
    }

    internal void MarkOverdue(DateTime nowUtc)
    {
        Flagged = true;
        OverdueSince = nowUtc;
    }

    internal void MarkFlagged() => Flagged = true;

    /// <summary>
    /// The supervision light (RULES.md 亮灯): 绿 done on time, 蓝 open on track, 黄 open with less than 20% of
    /// the step's time left, 红 open past its deadline or done late. Withdrawn and rejected orders have none.
    /// </summary>
    public OrderLight? LightAt(DateTime nowUtc)
    {
        if (Status is OrderStatus.Withdrawn or OrderStatus.Rejected)
        {
            return null;
        }

        if (!OrderTransitions.IsOpen(Status))
        {
            return (OrderLight)LightRule.Done(CompletedAt, DueAt);
        }

        // The open step's own deadline, by the one light rule (ADR 0043).
        return DeadlineAt is { } deadline ? (OrderLight)LightRule.Step(StepStartedAt, deadline, null, nowUtc) : OrderLight.Blue;
    }
}

public enum OrderLight
{
    Green = 1,
    Blue = 2,
    Yellow = 3,
    Red = 4,
}

/// <summary>
/// One step of an order: who moved it from where to where, when, and why. Carries the order's unit, so
/// that it (and its audit entry, also when the deadline job wrote it) is scoped like the order.
/// </summary>
public sealed class OrderHistory : IOrgScoped
{
    private OrderHistory()
    {
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public long OrgUnitId { get; private set; }

    public OrderStatus? FromStatus { get; private set; }

    public OrderStatus ToStatus { get; private set; }

    public OrderAction? Action { get; private set; }

    public long? ByUserId { get; private set; }

    public DateTime At { get; private set; }

    public string? Note { get; private set; }

    internal static OrderHistory Of(Order order, OrderStatus? from, OrderStatus to, OrderAction? action, long? by, DateTime at, string? note) => new()
    {
        // Saved through the order's History collection, which sets OrderId.
        OrderId = order.Id,
        OrgUnitId = order.OrgUnitId,
        FromStatus = from,
        ToStatus = to,
        Action = action,
        ByUserId = by,
        At = at,
        Note = note,
    };
}
