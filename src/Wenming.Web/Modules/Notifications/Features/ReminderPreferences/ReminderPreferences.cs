using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Notifications.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Notifications.Features.ReminderPreferences;

public sealed record ReminderPreferencesDto(bool ActivityReminders, int ReminderLeadHours);

public sealed record ChangeReminderPreferencesRequest(bool? ActivityReminders, int? ReminderLeadHours);

public sealed class ChangeReminderPreferencesValidator : AbstractValidator<ChangeReminderPreferencesRequest>
{
    public static readonly int MaxLeadHours = (int)IReminderPreferences.MaxLead.TotalHours;

    public ChangeReminderPreferencesValidator()
    {
        RuleFor(r => r.ActivityReminders).NotNull()
            .WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.activityReminders")));
        RuleFor(r => r.ReminderLeadHours).NotNull()
            .WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.reminderLeadHours")))
            .InclusiveBetween(1, MaxLeadHours)
            .WithErrorCode("notification.lead_out_of_range").WithMessage(_ => Text.Get("notification.lead_out_of_range", MaxLeadHours));
    }
}

/// <summary>
/// A person's reminder choices (DESIGN §14: reminders with lead time and opt-out). They belong to the
/// person, so every account of that person gets the same treatment; accounts without a person have none.
/// </summary>
public sealed class ReminderPreferencesHandler(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    private static readonly ChangeReminderPreferencesValidator Validator = new();

    public async Task<Result<ReminderPreferencesDto>> GetAsync(CancellationToken ct)
    {
        if (actor.PersonId is not { } personId)
        {
            return Error.NotFound("notification.no_person");
        }

        var preference = await db.Set<NotificationPreference>().AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, ct)
            ?? NotificationPreference.Defaults(personId);
        return ToDto(preference);
    }

    public async Task<Result<ReminderPreferencesDto>> ChangeAsync(ChangeReminderPreferencesRequest request, CancellationToken ct)
    {
        if (actor.PersonId is not { } personId)
        {
            return Error.NotFound("notification.no_person");
        }

        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        var preference = await db.Set<NotificationPreference>().SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (preference is null)
        {
            preference = NotificationPreference.Defaults(personId);
            db.Add(preference);
        }

        preference.Change(request.ActivityReminders!.Value, request.ReminderLeadHours!.Value, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(preference).State == EntityState.Added)
        {
            // The person's other device saved first: apply this choice over it (last one wins).
            db.Entry(preference).State = EntityState.Detached;
            return await ChangeAsync(request, ct);
        }

        return ToDto(preference);
    }

    private static ReminderPreferencesDto ToDto(NotificationPreference p) => new(p.ActivityReminders, p.ReminderLeadHours);
}
