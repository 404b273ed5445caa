namespace Wenming.Web.Modules.Orders.Contracts;

/// <summary>
/// The county's claim time for 首办责任制 (ADR 0060): how many hours a department has to name the first handler
/// of an order or a supervision task passed to it. One county setting, kept with the order time limits.
/// </summary>
public interface IClaimDeadlines
{
    Task<int> ClaimHoursAsync(long countyId, CancellationToken ct);
}
