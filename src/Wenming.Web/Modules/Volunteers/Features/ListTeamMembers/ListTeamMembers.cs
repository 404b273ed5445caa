using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ListTeamMembers;

public sealed record ListTeamMembersRequest
{
    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// A team's members, for overseers of its subtree and its leader only: a volunteer's details are not
/// disclosed to other residents (志愿服务条例 art. 20).
/// </summary>
public sealed class ListTeamMembersHandler(AppDbContext db, CurrentActor actor, IPeopleDirectory people)
{
    public async Task<Result<PageOf<TeamMemberDto>>> HandleAsync(long teamId, ListTeamMembersRequest request, CancellationToken ct)
    {
        var team = await db.Set<Team>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return Error.NotFound("team.not_found");
        }

        if (actor.RequireOverseer() is not null && !await TeamAccess.CanManageAsync(db, actor, team, ct))
        {
            return Error.Forbidden();
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        // Members are listed whatever the caller sees of their home units: membership is the team's
        // information, and a county team has members from many villages. The team itself was read in
        // scope above; both parts read past it on purpose (a lifted filter applies to the whole query).
        var query =
            from m in db.Set<TeamMember>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            join v in db.Set<Volunteer>().Unscoped(because: Why.CrossUnitReference) on m.VolunteerId equals v.Id
            where m.TeamId == teamId
            orderby m.Id
            select new { m.VolunteerId, v.PersonId, v.VolunteerNumber, m.JoinedAt };
        var page = await query.ToPageAsync(paging, ct);
        var names = await people.NamesAsync(page.Items.Select(i => i.PersonId).ToList(), ct);
        return new PageOf<TeamMemberDto>(
            page.Items.Select(i => new TeamMemberDto(i.VolunteerId, i.PersonId, names.GetValueOrDefault(i.PersonId), i.VolunteerNumber, i.VolunteerId == team.LeaderVolunteerId, Text.ToChinaTime(i.JoinedAt))).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}
