using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;

/// <summary>
/// Approves a pending registration and issues the volunteer number: the county's 6-digit division
/// code prefix and a 6-digit per-county sequence (RULES.md: the public key, never the ID number).
/// </summary>
public sealed class ApproveVolunteerHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IPeopleDirectory people, INotifier notifier, TimeProvider clock)
{
    public async Task<Result<VolunteerDto>> HandleAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var volunteer = await db.Set<Volunteer>().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (volunteer is null)
        {
            return Error.NotFound("volunteer.not_found");
        }

        if (volunteer.CanBeReviewed() is { } conflict)
        {
            return conflict;
        }

        var prefix = await VolunteerNumbers.PrefixAsync(orgs, volunteer.CountyId, ct);

        // The number is taken in the approval's transaction: concurrent approvals in a county take
        // numbers one after the other, and a failed approval gives its number back by rolling back.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sequence = await VolunteerNumbers.TakeAsync(db, volunteer.CountyId, 1, ct);
        if (volunteer.Approve(VolunteerNumbers.Format(prefix, sequence), actor.UserId, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        await notifier.ToPersonAsync(
            volunteer.PersonId,
            new Notice(Text.Get("Notify.VolunteerApproved.Title"), Text.Get("Notify.VolunteerApproved.Body", volunteer.VolunteerNumber!), "/volunteers/me"),
            ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else decided this registration meanwhile.
            return Error.Conflict("volunteer.invalid_state");
        }

        var person = await people.FindAsync(volunteer.PersonId, ct);
        return VolunteerDto.From(volunteer, person?.Name);
    }
}
