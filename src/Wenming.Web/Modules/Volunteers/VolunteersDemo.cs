using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.AddTeamMember;
using Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;
using Wenming.Web.Modules.Volunteers.Features.CreateTeam;
using Wenming.Web.Modules.Volunteers.Features.RegisterVolunteer;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers;

/// <summary>
/// The demo county's volunteers and teams, made through the handlers so they obey every rule:
/// leader1 and volunteer1…5 approved, some residents of other villages approved and some pending,
/// a village team led by leader1 and teams at the county and a township. Then dated as if the county had started
/// before the year of history that later steps seed (<see cref="DateAsync"/>).
/// </summary>
internal sealed class VolunteersDemo(
    RegisterVolunteerHandler register, ApproveVolunteerHandler approve, CreateTeamHandler createTeam, AddTeamMemberHandler addMember, IPeopleDirectory people,
    AppDbContext db, TimeProvider clock)
    : IDemoSeedStep
{
    public int Order => 100;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var volunteerOf = new Dictionary<string, long>();
        foreach (var login in new[] { "leader1", "volunteer1", "volunteer2", "volunteer3", "volunteer4", "volunteer5" })
        {
            volunteerOf[login] = await RegisterAsync(demo.PersonIdByLogin[login], "便民服务、政策宣讲", approved: true, ct);
        }

        // Two people of each of five other villages: the first approved, the second still waiting for review.
        var others = new List<long>();
        var pending = new List<long>();
        foreach (var villageId in demo.VillageIds.Skip(1).Take(5))
        {
            var inVillage = await people.InUnitAsync(villageId, 2, ct);
            for (var i = 0; i < inVillage.Count; i++)
            {
                var id = await RegisterAsync(inVillage[i].Id, i == 0 ? "文艺演出" : "助老服务", approved: i == 0, ct);
                (i == 0 ? others : pending).Add(id);
            }
        }

        var village = await TeamAsync(demo.VillageIds[0], "桃花村志愿服务队", TeamCategory.Convenience, volunteerOf["leader1"], ct);
        foreach (var login in new[] { "volunteer1", "volunteer2", "volunteer3", "volunteer4", "volunteer5" })
        {
            Check(await addMember.HandleAsync(village, new AddTeamMemberRequest(volunteerOf[login]), ct));
        }

        var county = await TeamAsync(demo.CountyId, "云溪县理论宣讲志愿服务队", TeamCategory.TheoryPreaching, others[0], ct);
        foreach (var member in others.Skip(1))
        {
            Check(await addMember.HandleAsync(county, new AddTeamMemberRequest(member), ct));
        }

        var township = await TeamAsync(demo.TownshipIds[0], "桃源镇文化文艺志愿服务队", TeamCategory.CultureArts, volunteerOf["volunteer1"], ct);
        await DateAsync([.. volunteerOf.Values, .. others], pending, [village, county, township], ct);
    }

    /// <summary>
    /// The handlers stamp applications, reviews, teams and memberships with today, but the steps after this one go back
    /// a year: service records (ServiceRecordsDemo, ServiceHistoryDemo) and orders taken by these teams
    /// (OrderHistoryDemo). Left at today, every past month of the statistics would count volunteers serving and teams
    /// taking orders but none registered, and the volunteers' list would show every application made today. So the
    /// approved volunteers are dated to the start of the month 14 months back, the teams and their members to a month
    /// later, both before any history, and the pending applications to the last few days, as fresh ones are. The
    /// roll-ups are rebuilt from these rows at the end of the seed.
    /// </summary>
    private async Task DateAsync(List<long> approved, List<long> pending, List<long> teams, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var month = DateOnly.FromDateTime(now + Text.ChinaOffset).AddMonths(-14);
        // 09:30 China time on the first of that month.
        var start = new DateTime(month.Year, month.Month, 1, 1, 30, 0, DateTimeKind.Utc);
        for (var i = 0; i < approved.Count; i++)
        {
            var (id, applied) = (approved[i], start.AddDays(i * 2));
            DateTime? reviewed = applied.AddDays(2);
            await db.Set<Volunteer>().Where(v => v.Id == id)
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.AppliedAt, applied).SetProperty(x => x.ReviewedAt, reviewed), ct);
        }

        for (var i = 0; i < pending.Count; i++)
        {
            var (id, applied) = (pending[i], now.AddDays(-(i + 1)).AddHours(-i));
            await db.Set<Volunteer>().Where(v => v.Id == id).ExecuteUpdateAsync(v => v.SetProperty(x => x.AppliedAt, applied), ct);
        }

        for (var i = 0; i < teams.Count; i++)
        {
            var (id, created) = (teams[i], start.AddMonths(1).AddDays(i));
            await db.Set<Team>().Where(t => t.Id == id).ExecuteUpdateAsync(t => t.SetProperty(x => x.CreatedAt, created), ct);
            await db.Set<TeamMember>().Where(m => m.TeamId == id).ExecuteUpdateAsync(m => m.SetProperty(x => x.JoinedAt, created.AddDays(1)), ct);
        }
    }

    private async Task<long> RegisterAsync(long personId, string skills, bool approved, CancellationToken ct)
    {
        var registered = Check(await register.HandleAsync(new RegisterVolunteerRequest(personId, Skills: skills, ServiceAreas: "本村及周边", Availability: "周末"), ct));
        if (approved)
        {
            Check(await approve.HandleAsync(registered.Id, ct));
        }

        return registered.Id;
    }

    private async Task<long> TeamAsync(long unitId, string name, TeamCategory category, long leaderId, CancellationToken ct) =>
        Check(await createTeam.HandleAsync(new CreateTeamRequest(unitId, name, category, leaderId), ct)).Id;

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"Demo volunteers: {result.Error!.Code} {result.Error.Message}");
}
