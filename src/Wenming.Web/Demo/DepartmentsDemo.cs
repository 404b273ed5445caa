using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Contracts;
using Wenming.Web.Modules.Volunteers.Features.CreateTeam;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Demo;

/// <summary>
/// 部门联动 (ADR 0060): the demo county's departments field their own volunteer teams — the 团委's youth team
/// and the 文旅局's culture team, led by volunteers of 桃花村. Lives beside <see cref="DemoCounty"/> because it
/// spans two modules (the org tree's departments, the volunteers' teams); the orders passed to departments are
/// seeded by the orders module.
/// </summary>
internal sealed class DepartmentsDemo(CreateTeamHandler createTeam, IOrgDirectory orgs, IVolunteerDirectory volunteers) : IDemoSeedStep
{
    // After the volunteers (100), before the orders (200).
    public int Order => 150;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var departments = (await orgs.VisibleUnitsAsync(ct)).Where(u => u.Level == OrgLevel.Department && u.CountyId == demo.CountyId).OrderBy(u => u.Id).ToList();
        if (departments.Count < 3 || !demo.PersonIdByLogin.TryGetValue("leader1", out var leader))
        {
            return;
        }

        var villageTeam = (await volunteers.TeamsLedByUnscopedAsync(leader, ct))[0];
        var members = await volunteers.TeamMembersUnscopedAsync(villageTeam.Id, ct);
        if (members.Count < 4)
        {
            return;
        }

        foreach (var (unit, name, category, leaderId) in new[]
        {
            (departments[0].Id, "云溪青年志愿者服务队", TeamCategory.Other, members[2].VolunteerId),
            (departments[2].Id, "文化文艺志愿服务队", TeamCategory.CultureArts, members[3].VolunteerId),
        })
        {
            var created = await createTeam.HandleAsync(new CreateTeamRequest(unit, name, category, leaderId), ct);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Demo departments: {created.Error!.Code} {created.Error.Message}");
            }
        }
    }
}
