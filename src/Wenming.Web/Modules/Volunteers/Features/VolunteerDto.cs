using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers.Features;

public sealed record GuardianDto(string Name, string Relation, string Phone, DateTimeOffset? ConsentAt);

/// <summary>
/// A volunteer as the API shows them. <see cref="TotalHours"/> and <see cref="Stars"/> come from the
/// confirmed service records (reversals included) when the caller passes their minutes; lists show 0.
/// </summary>
public sealed record VolunteerDto(
    long Id, long PersonId, string? Name, long OrgUnitId, string? VolunteerNumber, VolunteerStatus Status,
    string? Skills, string? ServiceAreas, string? Availability, GuardianDto? Guardian, string? RejectReason,
    DateTimeOffset AppliedAt, DateTimeOffset? ReviewedAt, decimal TotalHours, int Stars)
{
    public static VolunteerDto From(Volunteer v, string? name, long confirmedMinutes = 0) => new(
        v.Id, v.PersonId, name, v.OrgUnitId, v.VolunteerNumber, v.Status, v.Skills, v.ServiceAreas, v.Availability,
        v.GuardianName is null ? null : new GuardianDto(v.GuardianName, v.GuardianRelation ?? "", v.GuardianPhone ?? "", v.GuardianConsentAt is { } at ? Text.ToChinaTime(at) : null),
        v.RejectReason, Text.ToChinaTime(v.AppliedAt), v.ReviewedAt is { } r ? Text.ToChinaTime(r) : null,
        TotalHours: ServiceHours.ToHours(confirmedMinutes), Stars: StarLevel.ForMinutes(confirmedMinutes));
}

public sealed record TeamDto(long Id, long OrgUnitId, string Name, TeamCategory Category, string CategoryLabel, long LeaderVolunteerId, int MemberCount, DateTimeOffset CreatedAt)
{
    public static TeamDto From(Team t, int memberCount) => new(
        t.Id, t.OrgUnitId, t.Name, t.Category, TeamCategories.Label(t.Category), t.LeaderVolunteerId, memberCount, Text.ToChinaTime(t.CreatedAt));
}

public sealed record TeamMemberDto(long VolunteerId, long PersonId, string? Name, string? VolunteerNumber, bool IsLeader, DateTimeOffset JoinedAt);
