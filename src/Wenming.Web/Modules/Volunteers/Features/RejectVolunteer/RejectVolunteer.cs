using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.RejectVolunteer;

public sealed record RejectVolunteerRequest(string? Reason);

public sealed class RejectVolunteerValidator : AbstractValidator<RejectVolunteerRequest>
{
    public RejectVolunteerValidator() => RuleFor(r => r.Reason).RequiredText("reason", 200);
}

/// <summary>Rejects a pending registration; the applicant sees the reason.</summary>
public sealed class RejectVolunteerHandler(AppDbContext db, CurrentActor actor, IPeopleDirectory people, INotifier notifier, TimeProvider clock)
{
    public async Task<Result<VolunteerDto>> HandleAsync(long id, RejectVolunteerRequest request, CancellationToken ct)
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

        if (Validation.Check(new RejectVolunteerValidator(), request) is { } invalid)
        {
            return invalid;
        }

        if (volunteer.Reject(request.Reason!.Trim(), actor.UserId, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        await notifier.ToPersonAsync(
            volunteer.PersonId,
            new Notice(Text.Get("Notify.VolunteerRejected.Title"), Text.Get("Notify.VolunteerRejected.Body", request.Reason!.Trim()), "/volunteers/me"),
            ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("volunteer.invalid_state");
        }

        var person = await people.FindAsync(volunteer.PersonId, ct);
        return VolunteerDto.From(volunteer, person?.Name);
    }
}
