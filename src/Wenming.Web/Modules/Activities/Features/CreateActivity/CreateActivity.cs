using FluentValidation;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Venues.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.CreateActivity;

public sealed record CreateActivityRequest(
    long? OrgUnitId, long? TeamId, string? Title, ActivityCategory? Category, string? Place, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    int? Capacity, DateTimeOffset? SignUpStartsAt, DateTimeOffset? SignUpEndsAt, int? WaitlistCapacity, string? Description, string? RecruitmentConditions,
    long? BookingId = null);

public sealed class CreateActivityValidator : AbstractValidator<CreateActivityRequest>
{
    public CreateActivityValidator()
    {
        RuleFor(r => r.OrgUnitId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.orgUnitId")));
        RuleFor(r => r.Title).RequiredText("activityTitle", 100);
        RuleFor(r => r.Category).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.activityCategory")))
            .IsInEnum().WithMessage(_ => Text.Get("validation.field_malformed"));
        RuleFor(r => r.Place).RequiredText("place", 200);
        RuleFor(r => r.Description).OptionalText("activityDescription", 2000);
        RuleFor(r => r.RecruitmentConditions).OptionalText("recruitmentConditions", 500);
        RuleFor(r => r.StartsAt).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.startsAt")));
        RuleFor(r => r.EndsAt).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.endsAt")))
            .GreaterThan(r => r.StartsAt).When(r => r.StartsAt is not null).WithErrorCode("activity.ends_before_start").WithMessage(_ => Text.Get("activity.ends_before_start"));
        RuleFor(r => r.Capacity).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.capacity")))
            .InclusiveBetween(1, Activity.MaxCapacity).WithErrorCode("activity.capacity_invalid").WithMessage(_ => Text.Get("activity.capacity_invalid", Activity.MaxCapacity));
        RuleFor(r => r.WaitlistCapacity).InclusiveBetween(0, Activity.MaxCapacity).WithErrorCode("activity.waitlist_invalid").WithMessage(_ => Text.Get("activity.waitlist_invalid", Activity.MaxCapacity));
        RuleFor(r => r.SignUpEndsAt).LessThanOrEqualTo(r => r.StartsAt).When(r => r.StartsAt is not null && r.SignUpEndsAt is not null)
            .WithErrorCode("activity.signup_window_invalid").WithMessage(_ => Text.Get("activity.signup_window_invalid"));
        RuleFor(r => r.SignUpStartsAt).LessThan(r => r.SignUpEndsAt ?? r.StartsAt).When(r => r.SignUpStartsAt is not null && (r.SignUpEndsAt ?? r.StartsAt) is not null)
            .WithErrorCode("activity.signup_window_invalid").WithMessage(_ => Text.Get("activity.signup_window_invalid"));
    }
}

/// <summary>Admins create activities in units of their subtree; a team leader creates them for their own team in its unit.</summary>
public sealed class CreateActivityHandler(
    AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IVolunteerDirectory volunteers, ActivityAccess access, IVenueBookings bookings, TimeProvider clock)
{
    public async Task<Result<ActivityDto>> HandleAsync(CreateActivityRequest request, CancellationToken ct)
    {
        var built = await BuildAsync(request, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        db.Add(built.Value);
        await db.SaveChangesAsync(ct);
        return ActivityDto.From(built.Value);
    }

    /// <summary>Checks the request and the caller's right and makes the activity, unsaved: a recurring rule builds every occurrence first and writes them together.</summary>
    internal async Task<Result<Activity>> BuildAsync(CreateActivityRequest request, CancellationToken ct)
    {
        var isAdmin = actor.IsAdmin;
        if (!isAdmin && (request.TeamId is null || actor.RequireAny(Platform.Scope.Role.TeamLeader) is not null))
        {
            return Error.Forbidden();
        }

        if (Validation.Check(new CreateActivityValidator(), request) is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return Error.Field("orgUnitId", "activity.unit_not_allowed");
        }

        if (request.TeamId is { } teamId)
        {
            var team = await volunteers.FindTeamAsync(teamId, ct);
            if (team is null)
            {
                return Error.NotFound("team.not_found");
            }

            if (!isAdmin && !await access.LeadsAsync(teamId, ct))
            {
                return Error.Forbidden();
            }

            if (!isAdmin && team.OrgUnitId != unit.Id)
            {
                return Error.Field("orgUnitId", "activity.unit_not_allowed");
            }
        }

        var activity = Activity.Create(
            countyId, unit.Id, request.TeamId, request.Title!, request.Description, request.Category!.Value, request.Place!,
            request.StartsAt!.Value.UtcDateTime, request.EndsAt!.Value.UtcDateTime, request.Capacity!.Value,
            request.SignUpStartsAt?.UtcDateTime, request.SignUpEndsAt?.UtcDateTime, request.WaitlistCapacity, request.RecruitmentConditions,
            actor.UserId, clock.GetUtcNow().UtcDateTime);
        if (request.BookingId is { } bookingId)
        {
            // Only a confirmed booking of this very unit gives an activity its place (issue 17); a pending one may still be refused.
            var booking = await bookings.FindAsync(bookingId, ct);
            if (booking is null || !booking.Confirmed || booking.OrgUnitId != unit.Id)
            {
                var fields = new FieldErrors();
                fields.Add("bookingId", "Activities.booking.not_usable");
                return fields.ToError()!;
            }

            activity.TakePlaceFrom(booking.Id, booking.VenueId);
        }

        return activity;
    }
}
