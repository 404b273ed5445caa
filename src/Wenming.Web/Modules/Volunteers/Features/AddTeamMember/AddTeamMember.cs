using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.AddTeamMember;

/// <summary>The volunteer by id, or by their volunteer number (what a leader is told in the field).</summary>
public sealed record AddTeamMemberRequest(long? VolunteerId, string? VolunteerNumber = null);

/// <summary>Adds an approved volunteer to a team: by an admin of the team's subtree or by the team's own leader.</summary>
public sealed class AddTeamMemberHandler(AppDbContext db, CurrentActor actor, IPeopleDirectory people, TimeProvider clock)
{
    public async Task<Result<TeamMemberDto>> HandleAsync(long teamId, AddTeamMemberRequest request, CancellationToken ct)
    {
        var found = await TeamAccess.ManageableAsync(db, actor, teamId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var team = found.Value;

        var number = request.VolunteerNumber?.Trim();
        if (request.VolunteerId is null && string.IsNullOrEmpty(number))
        {
            return Error.Field("volunteerId", "validation.required", Text.Get("field.volunteerId"));
        }

        var volunteer = await db.Set<Volunteer>().AsNoTracking()
            .SingleOrDefaultAsync(v => request.VolunteerId != null ? v.Id == request.VolunteerId : v.VolunteerNumber == number, ct);
        if (volunteer is null)
        {
            return Error.NotFound("volunteer.not_found");
        }

        var volunteerId = volunteer.Id;

        if (volunteer.Status != VolunteerStatus.Approved)
        {
            return Error.Conflict("team.volunteer_not_approved");
        }

        if (await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.VolunteerId == volunteerId, ct))
        {
            return Error.Conflict("team.duplicate_member");
        }

        var member = TeamMember.Join(team, volunteerId, clock.GetUtcNow().UtcDateTime);
        db.Add(member);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request added the same member first; the unique index decided.
            return Error.Conflict("team.duplicate_member");
        }

        var person = await people.FindAsync(volunteer.PersonId, ct);
        return new TeamMemberDto(volunteerId, volunteer.PersonId, person?.Name, volunteer.VolunteerNumber, volunteerId == team.LeaderVolunteerId, Text.ToChinaTime(member.JoinedAt));
    }
}
