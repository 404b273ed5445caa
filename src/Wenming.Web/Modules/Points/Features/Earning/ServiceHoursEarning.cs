using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Points.Features.Earning;

/// <summary>
/// Points for confirmed service hours (RULES.md: per hour, under the rules of the record's unit) and the
/// organizer bonus: when the record comes from an activity run by a team, the team's leader gets a percent
/// of the attendee's hour points (not for their own hours). A record pays once: the ledger's source keys
/// <c>service-hours:{recordId}</c> and <c>organizer:{recordId}</c>.
/// </summary>
public sealed class ServiceHoursEarning(
    IPointsLedger ledger, PointRulesReader rules, IActivityDirectory activities, IVolunteerDirectory volunteers, AppDbContext db, ILogger<ServiceHoursEarning> log)
    : IEventHandler<ServiceRecordConfirmed>, IEventHandler<ServiceRecordReversed>
{
    public static string HoursKey(long recordId) => $"service-hours:{recordId}";

    public static string OrganizerKey(long recordId) => $"organizer:{recordId}";

    public async Task HandleAsync(ServiceRecordConfirmed evt, CancellationToken ct)
    {
        if (evt.Minutes <= 0)
        {
            return;
        }

        var applicable = await rules.ForUnitAsync(evt.OrgUnitId, ct);
        var points = EarningAmounts.ForServiceMinutes(evt.Minutes, applicable.PerServiceHour);
        if (points > 0)
        {
            Log(evt.PersonId, await ledger.PostAsync(new PointPosting(
                evt.PersonId, points, PointKind.ServiceHours, HoursKey(evt.RecordId),
                EarningAmounts.Reason(Text.Get("Earn.reason.service_hours", EarningAmounts.Hours(evt.Minutes), evt.Content))), ct));
        }

        if (await OrganizerAsync(evt, ct) is { } organizer)
        {
            var bonus = EarningAmounts.OrganizerBonus(points, applicable.OrganizerBonusPercent);
            if (bonus > 0)
            {
                Log(organizer.PersonId, await ledger.PostAsync(new PointPosting(
                    organizer.PersonId, bonus, PointKind.OrganizerBonus, OrganizerKey(evt.RecordId),
                    EarningAmounts.Reason(Text.Get("Earn.reason.organizer_bonus", organizer.Title))), ct));
            }
        }
    }

    /// <summary>
    /// Takes back what the original record paid (hours and organizer bonus), down to zero at most. Pays the
    /// original first if that has not happened yet (events of one record may be delivered out of order), so
    /// the statement always shows the earning and its reversal, and a late earning cannot follow the reversal.
    /// </summary>
    public async Task HandleAsync(ServiceRecordReversed evt, CancellationToken ct)
    {
        var original = evt.Original;
        await HandleAsync(original, ct);
        var reason = EarningAmounts.Reason(Text.Get("Earn.reason.reversal", original.Content, evt.Reason));
        var transactions = db.Set<PointTransaction>().Unscoped(because: Why.SystemOperation).AsNoTracking();
        await ReverseAsync(transactions.Where(t => t.PersonId == original.PersonId && t.SourceKey == HoursKey(original.RecordId)), reason, ct);

        // Whoever got the bonus, even if the team has another leader by now. (No index serves SourceKey
        // alone; reversals are rare corrections, so the scan is affordable.)
        await ReverseAsync(transactions.Where(t => t.SourceKey == OrganizerKey(original.RecordId) && t.Kind == PointKind.OrganizerBonus), reason, ct);
    }

    private async Task ReverseAsync(IQueryable<PointTransaction> earlier, string reason, CancellationToken ct)
    {
        foreach (var t in await earlier.Where(t => t.Amount > 0).Select(t => new { t.Id, t.PersonId, t.Amount, t.SourceKey }).ToListAsync(ct))
        {
            Log(t.PersonId, await ledger.PostAsync(
                new PointPosting(t.PersonId, -t.Amount, PointKind.Reversal, "reversal:" + t.SourceKey, reason, DebitRule.UpToBalance, t.Id), ct));
        }
    }

    /// <summary>The leader of the team that ran the record's activity, unless that is the attendee.</summary>
    private async Task<(long PersonId, string Title)?> OrganizerAsync(ServiceRecordConfirmed evt, CancellationToken ct)
    {
        if (evt.Source != ServiceSource.Activity || evt.SourceId is not { } activityId
            || await activities.FindUnscopedAsync(activityId, ct) is not { TeamId: { } teamId } activity
            || await volunteers.FindTeamAsync(teamId, ct) is not { } team
            || team.LeaderPersonId == evt.PersonId)
        {
            return null;
        }

        return (team.LeaderPersonId, activity.Title);
    }

    private void Log(long personId, PostingResult result)
    {
        if (result.Outcome == PostingOutcome.PersonNotFound)
        {
            // Nothing to pay to: the person is gone. Not an error worth retrying.
            log.LogWarning("Earning skipped: person {PersonId} not found", personId);
        }
    }
}
