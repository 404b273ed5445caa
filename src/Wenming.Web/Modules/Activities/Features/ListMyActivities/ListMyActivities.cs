using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.ListMyActivities;

/// <summary>One of my activities with my place in it: signed up or waiting, attended (checked in) or not.</summary>
public sealed record MyActivityDto(ActivityDto Activity, EnrollmentStatus MyStatus, int? MyPosition, DateTimeOffset? CheckedInAt, bool NoShow);

/// <summary>
/// 我的活动: the activities the signed-in volunteer signed up to, upcoming (not yet ended) or past.
/// The enrollments are the person's own and their activities may belong to a unit above the
/// person's subtree (the township's, the county's), so both are read past the scope filter.
/// </summary>
public sealed class ListMyActivitiesHandler(AppDbContext db, CurrentActor actor, Volunteers.Contracts.IVolunteerDirectory volunteers, TimeProvider clock)
{
    /// <summary>My place in one activity, or null when I hold none (or am no volunteer).</summary>
    public async Task<EnrollmentDto?> InActivityAsync(long activityId, CancellationToken ct)
    {
        if (actor.PersonId is not { } personId || await volunteers.FindByPersonUnscopedAsync(personId, ct) is not { } me)
        {
            return null;
        }

        var mine = await db.Set<Enrollment>().Unscoped(because: Why.OwnRecords).AsNoTracking()
            .SingleOrDefaultAsync(e => e.ActivityId == activityId && e.VolunteerId == me.Id, ct);
        return mine is null ? null : EnrollmentDto.From(mine);
    }

    public async Task<Result<PageOf<MyActivityDto>>> HandleAsync(bool past, PageRequest paging, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return Error.Forbidden();
        }

        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        if (actor.PersonId is not { } personId || await volunteers.FindByPersonUnscopedAsync(personId, ct) is not { } me)
        {
            return new PageOf<MyActivityDto>([], paging.SafePage, paging.SafePageSize, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = from e in db.Set<Enrollment>().Unscoped(because: Why.OwnRecords).AsNoTracking()
                   join a in db.Set<Activity>().Unscoped(because: Why.OwnRecords).AsNoTracking() on e.ActivityId equals a.Id
                   where e.VolunteerId == me.Id && a.Status != ActivityStatus.Draft
                   select new { e, a };
        rows = past ? rows.Where(r => r.a.EndsAt <= now) : rows.Where(r => r.a.EndsAt > now);
        var total = await rows.CountAsync(ct);
        var ordered = past ? rows.OrderByDescending(r => r.a.StartsAt).ThenByDescending(r => r.a.Id) : rows.OrderBy(r => r.a.StartsAt).ThenBy(r => r.a.Id);
        var page = await ordered.Skip(paging.Skip).Take(paging.SafePageSize).ToListAsync(ct);
        return new PageOf<MyActivityDto>(
            [.. page.Select(r => new MyActivityDto(
                ActivityDto.From(r.a), r.e.Status, r.e.Position,
                r.e.CheckedInAt is { } i ? Platform.Localization.Text.ToChinaTime(i) : null, r.e.NoShowAt is not null))],
            paging.SafePage, paging.SafePageSize, total);
    }
}

public static class ListMyActivitiesEndpoints
{
    public static async Task<Results<Ok<PageOf<MyActivityDto>>, ProblemHttpResult>> ListMyActivities(
        [AsParameters] PageRequest paging, ListMyActivitiesHandler handler, CancellationToken ct, bool past = false) =>
        ApiResults.OkOr(await handler.HandleAsync(past, paging, ct));
}
