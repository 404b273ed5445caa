using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.SearchActivities;

/// <param name="Q">Part of the title (the lists of a village run to dozens of activities a year).</param>
public sealed record SearchActivitiesRequest
{
    public long? OrgUnitId { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }

    public ActivityStatus? Status { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }

    public string? Q { get; set; }
}

/// <summary>Activities of the caller's subtree (admins, leaders, supervisors): soonest first, but the most recent first when
/// only finished, archived or cancelled ones are asked for (a year of them would otherwise open on last winter's).</summary>
public sealed class SearchActivitiesHandler(AppDbContext db, CurrentActor actor)
{
    public async Task<Result<PageOf<ActivityDto>>> HandleAsync(SearchActivitiesRequest request, CancellationToken ct)
    {
        if (Refuse(actor) is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        var query = Filter(db.Set<Activity>().AsNoTracking(), request);
        var total = await query.CountAsync(ct);
        var ordered = request.Status is ActivityStatus.Finished or ActivityStatus.Archived or ActivityStatus.Cancelled
            ? query.OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id)
            : query.OrderBy(a => a.StartsAt).ThenBy(a => a.Id);
        var items = await ordered.Skip(paging.Skip).Take(paging.SafePageSize).ToListAsync(ct);
        return new PageOf<ActivityDto>([.. items.Select(ActivityDto.From)], paging.SafePage, paging.SafePageSize, total);
    }

    /// <summary>Who reads the list (and its export): admins, leaders, supervisors.</summary>
    internal static Error? Refuse(CurrentActor actor) => actor.RequireAny(
        Platform.Scope.Role.SystemAdmin, Platform.Scope.Role.CenterAdmin, Platform.Scope.Role.InstituteAdmin,
        Platform.Scope.Role.StationAdmin, Platform.Scope.Role.Supervisor, Platform.Scope.Role.TeamLeader);

    /// <summary>The list's filters (the export uses the same ones): unit, time window, status, title.</summary>
    internal static IQueryable<Activity> Filter(IQueryable<Activity> query, SearchActivitiesRequest request)
    {
        if (request.OrgUnitId is { } unitId)
        {
            query = query.Where(a => a.OrgUnitId == unitId);
        }

        if (request.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(a => a.EndsAt >= fromUtc);
        }

        if (request.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            query = query.Where(a => a.StartsAt <= toUtc);
        }

        if (request.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (request.Q?.Trim() is { Length: > 0 } q)
        {
            var like = QueryExtensions.LikeContains(q);
            query = query.Where(a => EF.Functions.Like(a.Title, like, "\\"));
        }

        return query;
    }
}
