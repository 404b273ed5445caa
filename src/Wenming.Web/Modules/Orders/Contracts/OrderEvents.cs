namespace Wenming.Web.Modules.Orders.Contracts;

/// <summary>
/// An order's service was reported done (integration event, ADR 0014).
/// </summary>
/// <param name="OrgUnitId">The serving team's unit, which also certifies the hours of the same service.</param>
/// <param name="Title">A short description of the need, for the volunteers' statements.</param>
/// <param name="ServingPersonIds">The person of each volunteer reported as having served.</param>
public sealed record OrderCompleted(long OrderId, long OrgUnitId, string Title, IReadOnlyList<long> ServingPersonIds);
