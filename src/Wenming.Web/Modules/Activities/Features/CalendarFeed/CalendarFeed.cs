using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;
using Feed = Wenming.Web.Modules.Activities.Domain.CalendarFeed;

namespace Wenming.Web.Modules.Activities.Features.CalendarFeed;

/// <summary>
/// A volunteer's personal iCal feed of the activities they signed up for (DESIGN §14). The address carries
/// a random token because calendar apps cannot sign in; resetting it cuts off every old subscription.
/// </summary>
public sealed class CalendarFeedHandler(AppDbContext db, CurrentActor actor, IVolunteerDirectory volunteers, TimeProvider clock) : ICalendarSubscription
{
    /// <summary>How far back the feed reaches; older activities are history, not plans.</summary>
    private static readonly TimeSpan History = TimeSpan.FromDays(90);

    public async Task<Result<CalendarFeedDto>> GetAsync(string baseUrl, CancellationToken ct)
    {
        if (actor.PersonId is not { } personId)
        {
            return Error.NotFound("calendar.no_person");
        }

        var feed = await db.Set<Feed>().AsNoTracking().SingleOrDefaultAsync(f => f.PersonId == personId, ct);
        return feed is null ? Error.NotFound("calendar.not_created") : new CalendarFeedDto(UrlOf(baseUrl, feed));
    }

    /// <summary>Creates the address, or replaces it with a new one.</summary>
    public async Task<Result<CalendarFeedDto>> ResetAsync(string baseUrl, CancellationToken ct)
    {
        if (actor.PersonId is not { } personId)
        {
            return Error.NotFound("calendar.no_person");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var feed = await db.Set<Feed>().SingleOrDefaultAsync(f => f.PersonId == personId, ct);
        if (feed is null)
        {
            feed = Feed.For(personId, now);
            db.Add(feed);
        }
        else
        {
            feed.Reset(now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(feed).State == EntityState.Added)
        {
            // The person's other device created one at the same moment: reset that one instead.
            db.ChangeTracker.Clear();
            return await ResetAsync(baseUrl, ct);
        }

        return new CalendarFeedDto(UrlOf(baseUrl, feed));
    }

    /// <summary>The feed itself, for anyone holding the token (the calendar app); null when the token is unknown.</summary>
    public async Task<string?> RenderAsync(string token, string baseUrl, CancellationToken ct)
    {
        if (token.Length != 32)
        {
            return null;
        }

        var feed = await db.Set<Feed>().AsNoTracking().SingleOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var volunteer = await volunteers.FindByPersonUnscopedAsync(feed.PersonId, ct);
        var events = new List<CalendarEvent>();
        if (volunteer is not null)
        {
            var since = now - History;
            // The token stands in for the signed-in person, so this reads their own rows across scope.
            var rows = await (
                from e in db.Set<Enrollment>().Unscoped(because: Why.OwnRecords)
                join a in db.Set<Activity>().Unscoped(because: Why.OwnRecords) on e.ActivityId equals a.Id
                where e.VolunteerId == volunteer.Id && a.EndsAt >= since && a.Status != ActivityStatus.Draft
                orderby a.StartsAt
                select new { a.Id, a.Title, a.Place, a.Description, a.StartsAt, a.EndsAt, a.Status, Waitlisted = e.Status == EnrollmentStatus.Waitlisted })
                .AsNoTracking().Take(500).ToListAsync(ct);
            events.AddRange(rows.Select(r => new CalendarEvent(
                $"activity-{r.Id}@wenming",
                r.StartsAt,
                r.EndsAt,
                r.Waitlisted ? Text.Get("Calendar.Waitlisted", r.Title) : r.Title,
                r.Place,
                r.Description,
                $"{baseUrl}/activities/{r.Id}",
                r.Status == ActivityStatus.Cancelled ? CalendarEventStatus.Cancelled : r.Waitlisted ? CalendarEventStatus.Tentative : CalendarEventStatus.Confirmed)));
        }

        return ICalendarWriter.Write(Text.Get("Calendar.Name"), events, now);
    }

    private static string UrlOf(string baseUrl, Feed feed) => $"{baseUrl}/calendar/{feed.Token}.ics";
}
