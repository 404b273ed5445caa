using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.AddTeamMember;
using Wenming.Web.Modules.Volunteers.Features.ApproveVolunteer;
using Wenming.Web.Modules.Volunteers.Features.CreateTeam;
using Wenming.Web.Modules.Volunteers.Features.RegisterVolunteer;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Modules.Volunteers;

/// <summary>
/// The demo county's volunteers and teams, made through the handlers so they obey every rule:
/// leader1 and volunteer1…5 approved, some residents of other villages approved and some pending,
/// a village team led by leader1 and teams at the county and a township.
/// </summary>
internal sealed class VolunteersDemo(
    RegisterVolunteerHandler register, ApproveVolunteerHandler approve, CreateTeamHandler createTeam, AddTeamMemberHandler addMember, IPeopleDirectory people)
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
        foreach (var villageId in demo.VillageIds.Skip(1).Take(5))
        {
            var inVillage = await people.InUnitAsync(villageId, 2, ct);
            for (var i = 0; i < inVillage.Count; i++)
            {
                var id = await RegisterAsync(inVillage[i].Id, i == 0 ? "文艺演出" : "助老服务", approved: i == 0, ct);
                if (i == 0)
                {
                    others.Add(id);
                }
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

        await TeamAsync(demo.TownshipIds[0], "桃源镇文化文艺志愿服务队", TeamCategory.CultureArts, volunteerOf["volunteer1"], ct);
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
