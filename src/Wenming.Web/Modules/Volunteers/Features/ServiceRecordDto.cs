using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features;

public sealed record ServiceSourceDto(ServiceSourceKind Kind, long? Id);

/// <summary>
/// A service record as the API shows it (API.md plus status, place and reversal links). Hours are the
/// stored minutes as hours with 2 decimals; a reversal has negative hours and <see cref="ReversesRecordId"/>.
/// </summary>
public sealed record ServiceRecordDto(
    long Id, long VolunteerId, long OrgUnitId, DateOnly Date, decimal Hours, string Place, string Content, ServiceSourceDto Source,
    ServiceRecordStatus Status, string StatusLabel, DateTimeOffset? ConfirmedAt, long? ConfirmedByUserId,
    long? ReversesRecordId, long? ReversedByRecordId, string? Reason, DateTimeOffset CreatedAt)
{
    public static ServiceRecordDto From(ServiceRecord r, long? reversedBy) => new(
        r.Id, r.VolunteerId, r.OrgUnitId, r.ServiceDate, ServiceHours.ToHours(r.Minutes), r.Place, r.Content, new ServiceSourceDto(r.SourceKind, r.SourceId),
        r.Status, Text.Get(r.IsReversal ? "service_record.status.Reversal" : "service_record.status." + r.Status),
        r.ConfirmedAt is { } c ? Text.ToChinaTime(c) : null, r.ConfirmedByUserId,
        r.ReversesRecordId, reversedBy, r.Reason, Text.ToChinaTime(r.CreatedAt));

    /// <summary>DTOs for a page of records, with which of them were reversed (one query for the page).</summary>
    public static async Task<List<ServiceRecordDto>> ManyAsync(AppDbContext db, IReadOnlyList<ServiceRecord> records, CancellationToken ct)
    {
        var ids = records.Select(r => r.Id).ToList();
        // The reversal may have been made by a unit above the reader's: it is part of this record's history.
        var reversals = await db.Set<ServiceRecord>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(r => r.ReversesRecordId != null && ids.Contains(r.ReversesRecordId.Value))
            .Select(r => new { r.Id, Reverses = r.ReversesRecordId!.Value })
            .ToDictionaryAsync(r => r.Reverses, r => r.Id, ct);
        return records.Select(r => From(r, reversals.TryGetValue(r.Id, out var by) ? by : null)).ToList();
    }
}

/// <summary>Who may see and add to a volunteer's service records.</summary>
public static class ServiceRecordAccess
{
    /// <summary>The volunteer, if the caller oversees them (query filter: their subtree) or is them.</summary>
    public static async Task<Volunteer?> ReadableVolunteerAsync(AppDbContext db, CurrentActor actor, long volunteerId, CancellationToken ct)
    {
        var volunteer = await db.Set<Volunteer>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, ct);
        return volunteer is null || (actor.RequireOverseer() is not null && volunteer.PersonId != actor.PersonId) ? null : volunteer;
    }

    /// <summary>Admins of the subtree, the volunteer themselves (their own hours, for approval) and the leader of a team they belong to.</summary>
    public static async Task<bool> CanRecordAsync(AppDbContext db, CurrentActor actor, Volunteer volunteer, CancellationToken ct)
    {
        if (actor.IsAdmin || (actor.PersonId is { } self && volunteer.PersonId == self))
        {
            return true;
        }

        if (!actor.Has(Role.TeamLeader) || actor.PersonId is not { } personId)
        {
            return false;
        }

        var ledTeams = db.Set<Team>().Where(t => db.Set<Volunteer>().Any(v => v.Id == t.LeaderVolunteerId && v.PersonId == personId)).Select(t => t.Id);
        return await db.Set<TeamMember>().AnyAsync(m => m.VolunteerId == volunteer.Id && ledTeams.Contains(m.TeamId), ct);
    }

    /// <summary>Total confirmed minutes (reversals included, so they cancel), across every unit the volunteer served in.</summary>
    public static async Task<long> ConfirmedMinutesAsync(AppDbContext db, long volunteerId, CancellationToken ct) =>
        // Summing ints is exact on both providers; the volunteer was already found in the caller's scope,
        // and their total counts service recorded by any unit, so the scope filter does not apply here.
        await db.Set<ServiceRecord>().Unscoped(because: Why.CrossUnitReference)
            .Where(r => r.VolunteerId == volunteerId && r.Status == ServiceRecordStatus.Confirmed)
            .SumAsync(r => (long)r.Minutes, ct);
}
