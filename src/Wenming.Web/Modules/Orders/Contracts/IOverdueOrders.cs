namespace Wenming.Web.Modules.Orders.Contracts;

/// <summary>An open order past its step's deadline, as supervision needs it.</summary>
public sealed record OverdueOrderInfo(long OrderId, long CountyId, long HandlingUnitId, string Description, DateTime DeadlineAt);

/// <summary>
/// What the Supervision module reads of the orders (issue 13: an order red for more than 24 h becomes a supervision item
/// of the parent unit, closed when the order is finished). Called from jobs, which run with the scope open.
/// </summary>
public interface IOverdueOrders
{
    /// <summary>Open orders flagged overdue whose step deadline passed before <paramref name="deadlineBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<OverdueOrderInfo>> RedSinceAsync(DateTime deadlineBefore, int max, CancellationToken ct);

    /// <summary>Those of <paramref name="orderIds"/> that are no longer open (done, rated, closed, withdrawn, rejected).</summary>
    Task<IReadOnlyList<long>> FinishedAmongAsync(IReadOnlyCollection<long> orderIds, CancellationToken ct);
}
