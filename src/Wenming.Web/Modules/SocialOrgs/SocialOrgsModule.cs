using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Modules.SocialOrgs.Features;
using Wenming.Web.Modules.SocialOrgs.Features.EndPairing;
using Wenming.Web.Modules.SocialOrgs.Features.GetSocialOrg;
using Wenming.Web.Modules.SocialOrgs.Features.ListVillagePairings;
using Wenming.Web.Modules.SocialOrgs.Features.PairVillage;
using Wenming.Web.Modules.SocialOrgs.Features.RegisterSocialOrg;
using Wenming.Web.Modules.SocialOrgs.Features.SearchSocialOrgs;
using Wenming.Web.Modules.SocialOrgs.Features.SetSocialOrgStatus;
using Wenming.Web.Modules.SocialOrgs.Features.UpdateSocialOrg;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.SocialOrgs;

/// <summary>Social organizations (社会组织), the volunteer federation's members, and their pairings with villages (DESIGN §3).</summary>
public static class SocialOrgsModule
{
    public static IServiceCollection AddSocialOrgs(this IServiceCollection services)
    {
        services.AddAuditTerms(AuditWords());
        services.AddScoped<RegisterSocialOrgHandler>();
        services.AddScoped<UpdateSocialOrgHandler>();
        services.AddScoped<GetSocialOrgHandler>();
        services.AddScoped<SearchSocialOrgsHandler>();
        services.AddScoped<SetSocialOrgStatusHandler>();
        services.AddScoped<PairVillageHandler>();
        services.AddScoped<EndPairingHandler>();
        services.AddScoped<ListVillagePairingsHandler>();
        services.AddScoped<IDemoSeedStep, SocialOrgsDemoSeed>();
        return services;
    }

    public static RouteGroupBuilder MapSocialOrgs(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/social-orgs").WithTags("social-orgs");

        group.MapGet("/", SearchSocialOrgsEndpoints.SearchSocialOrgs)
            .WithSummary("社会组织列表（federation=true 为志愿服务联合会成员）");

        group.MapGet("/{id:long}", GetSocialOrgEndpoints.GetSocialOrg)
            .WithSummary("查看社会组织及其在结对的村");

        group.MapPost("/", RegisterSocialOrgEndpoints.RegisterSocialOrg)
            .WithSummary("登记社会组织");

        group.MapPut("/{id:long}", UpdateSocialOrgEndpoints.UpdateSocialOrg)
            .WithSummary("修改社会组织信息");

        group.MapPost("/{id:long}/deactivate", SetSocialOrgStatusEndpoints.Deactivate)
            .WithSummary("停用社会组织");

        group.MapPost("/{id:long}/activate", SetSocialOrgStatusEndpoints.Activate)
            .WithSummary("启用社会组织");

        group.MapPost("/{id:long}/pairings", PairVillageEndpoints.PairVillage)
            .WithSummary("与村结对");

        api.MapPost("/pairings/{id:long}/end", EndPairingEndpoints.EndPairing)
            .WithTags("social-orgs").WithSummary("结束结对");

        api.MapGet("/org-units/{villageId:long}/pairings", ListVillagePairingsEndpoints.ListVillagePairings)
            .WithTags("social-orgs").WithSummary("与该村结对的社会组织");

        return api;
    }

    /// <summary>How the audit log names this module's rows and states (ADR 0039).</summary>
    private static AuditTerms AuditWords() => new AuditTerms()
        .Entity(nameof(Domain.SocialOrganization), "SocialOrgs.entity.SocialOrganization").Entity(nameof(Domain.Pairing), "SocialOrgs.entity.Pairing")
        .Enum<Domain.SocialOrgKind>(k => Text.Get("SocialOrgs.so.kind." + k)).Enum<Domain.SocialOrgStatus>(s => Text.Get("SocialOrgs.so.status." + s));
}
