using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Modules.SocialOrgs.Features.PairVillage;
using Wenming.Web.Modules.SocialOrgs.Features.RegisterSocialOrg;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Modules.SocialOrgs;

/// <summary>
/// The demo county's social organizations (fictional, with check-valid credit codes) and their
/// pairings: one organization with two villages, one village with two organizations.
/// Created through the handlers, so they obey every rule.
/// </summary>
internal sealed class SocialOrgsDemoSeed(RegisterSocialOrgHandler register, PairVillageHandler pair) : IDemoSeedStep
{
    public int Order => 300;

    public async Task SeedAsync(DemoCountyData demo, CancellationToken ct)
    {
        var youth = await RegisterAsync(new("云溪县青年志愿者协会", SocialOrgKind.SocialGroup, "51339901MJ12345670", "青少年服务、环境保护、应急救援", "陈晓峰", "13905710001", "云溪县城关街道人民路18号", true, demo.CountyId), ct);
        var elderly = await RegisterAsync(new("云溪县夕阳红助老服务中心", SocialOrgKind.ServiceInstitution, "52339901MJ2345678E", "助老助残、居家养老、健康义诊", "王秀兰", "0571-88886601", "云溪县城关街道南门路66号", true, demo.CountyId), ct);
        var revival = await RegisterAsync(new("云溪县乡村振兴促进会", SocialOrgKind.SocialGroup, "51339901MJ34567893", "产业帮扶、农技推广、电商培训", "李建华", "13905710003", "云溪县桃源镇桃源路8号", true, demo.CountyId), ct);
        var charity = await RegisterAsync(new("云溪县爱心公益基金会", SocialOrgKind.Foundation, "53339901MJ4567890F", "助学助困、大病救助", "张明远", "13905710004", "云溪县城关街道滨江路101号", true, demo.CountyId), ct);
        await RegisterAsync(new("云溪县书香阅读推广中心", SocialOrgKind.ServiceInstitution, "52339901MJ5678901R", "全民阅读、四点半课堂", "周文静", "0571-88886605", "云溪县城关街道北街社区文化中心", false, demo.CountyId), ct);

        var villages = demo.VillageIds;
        // Many-to-one: the first village (桃花村) has three partners.
        await PairAsync(youth, villages[0], "组织青年志愿者开展环境整治和四点半课堂辅导", ct);
        await PairAsync(elderly, villages[0], "每月上门探访独居老人，开展健康义诊", ct);
        await PairAsync(revival, villages[0], "帮助发展桃花种植和农产品电商", ct);
        // One-to-many: the elderly-care center also serves a village of the second township.
        await PairAsync(elderly, villages[3], "为高龄老人提供助餐和居家照护", ct);
        // One-to-one.
        await PairAsync(charity, villages[1], "资助困难家庭学生完成学业", ct);
    }

    private async Task<long> RegisterAsync(RegisterSocialOrgRequest request, CancellationToken ct)
    {
        var created = await register.HandleAsync(request, ct);
        return created.IsSuccess
            ? created.Value.Id
            : throw new InvalidOperationException($"Demo social organization {request.Name}: {created.Error!.Code} {created.Error.Message}");
    }

    private async Task PairAsync(long orgId, long villageId, string content, CancellationToken ct)
    {
        var paired = await pair.HandleAsync(orgId, new PairVillageRequest(villageId, new DateOnly(2026, 3, 1), content), ct);
        if (!paired.IsSuccess)
        {
            throw new InvalidOperationException($"Demo pairing {orgId}→{villageId}: {paired.Error!.Code} {paired.Error.Message}");
        }
    }
}
