using Microsoft.AspNetCore.Http.HttpResults;
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
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs;

/// <summary>Social organizations (社会组织), the volunteer federation's members, and their pairings with villages (DESIGN §3).</summary>
public static class SocialOrgsModule
{
    public static IServiceCollection AddSocialOrgs(this IServiceCollection services)
    {
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

        group.MapGet("/", async Task<Results<Ok<PageOf<SocialOrgDto>>, ProblemHttpResult>> (
            [AsParameters] SearchSocialOrgsRequest request, SearchSocialOrgsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("社会组织列表（federation=true 为志愿服务联合会成员）");

        group.MapGet("/{id:long}", async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> (long id, GetSocialOrgHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, ct)))
            .WithSummary("查看社会组织及其在结对的村");

        group.MapPost("/", async Task<Results<Created<SocialOrgDto>, ProblemHttpResult>> (RegisterSocialOrgRequest request, RegisterSocialOrgHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(request, ct), o => $"/api/v1/social-orgs/{o.Id}"))
            .WithSummary("登记社会组织");

        group.MapPut("/{id:long}", async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> (long id, UpdateSocialOrgRequest request, UpdateSocialOrgHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, request, ct)))
            .WithSummary("修改社会组织信息");

        group.MapPost("/{id:long}/deactivate", async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> (long id, SetSocialOrgStatusHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, SocialOrgStatus.Inactive, ct)))
            .WithSummary("停用社会组织");

        group.MapPost("/{id:long}/activate", async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> (long id, SetSocialOrgStatusHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, SocialOrgStatus.Active, ct)))
            .WithSummary("启用社会组织");

        group.MapPost("/{id:long}/pairings", async Task<Results<Created<PairingDto>, ProblemHttpResult>> (long id, PairVillageRequest request, PairVillageHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(id, request, ct), p => $"/api/v1/pairings/{p.Id}"))
            .WithSummary("与村结对");

        api.MapPost("/pairings/{id:long}/end", async Task<Results<Ok<PairingDto>, ProblemHttpResult>> (long id, EndPairingRequest? request, EndPairingHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, request ?? new EndPairingRequest(), ct)))
            .WithTags("social-orgs").WithSummary("结束结对");

        api.MapGet("/org-units/{villageId:long}/pairings", async Task<Results<Ok<VillagePairingsDto>, ProblemHttpResult>> (
            long villageId, bool? includeEnded, ListVillagePairingsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(villageId, includeEnded ?? false, ct)))
            .WithTags("social-orgs").WithSummary("与该村结对的社会组织");

        return api;
    }
}
