using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.GetVolunteer;

/// <summary>
/// Admins and supervisors read the volunteers of their subtree; anyone else only their own record
/// (another one is "not found", so ids do not leak).
/// </summary>
public sealed class GetVolunteerHandler(AppDbContext db, CurrentActor actor, IPeopleDirectory people)
{
    public async Task<Result<VolunteerDto>> HandleAsync(long id, CancellationToken ct)
    {
        var volunteer = await db.Set<Volunteer>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (volunteer is null || (actor.RequireOverseer() is not null && volunteer.PersonId != actor.PersonId))
        {
            return Error.NotFound("volunteer.not_found");
        }

        var person = await people.FindAsync(volunteer.PersonId, ct);
        return VolunteerDto.From(volunteer, person?.Name, await ServiceRecordAccess.ConfirmedMinutesAsync(db, volunteer.Id, ct));
    }

    /// <summary>The signed-in person's own registration, or null when they have none.</summary>
    public async Task<VolunteerDto?> MineAsync(CancellationToken ct)
    {
        if (actor.PersonId is not { } personId)
        {
            return null;
        }

        var volunteer = await db.Set<Volunteer>().AsNoTracking().SingleOrDefaultAsync(v => v.PersonId == personId, ct);
        if (volunteer is null)
        {
            return null;
        }

        var person = await people.FindAsync(personId, ct);
        return VolunteerDto.From(volunteer, person?.Name, await ServiceRecordAccess.ConfirmedMinutesAsync(db, volunteer.Id, ct));
    }
}
