namespace Wenming.Web.Modules.Activities.Contracts;

/// <summary>
/// An activity finished (integration event, ADR 0014): who attended it, counted as the service records
/// count them (checked in, and present for some of the activity's span).
/// </summary>
public sealed record ActivityFinished(long ActivityId, long OrgUnitId, string Title, IReadOnlyList<long> AttendeeVolunteerIds);
