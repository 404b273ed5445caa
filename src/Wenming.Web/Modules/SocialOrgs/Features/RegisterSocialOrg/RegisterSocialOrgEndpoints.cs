using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.RegisterSocialOrg;

/// <summary>The HTTP side of <see cref="RegisterSocialOrgHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class RegisterSocialOrgEndpoints
{
    public static async Task<Results<Created<SocialOrgDto>, ProblemHttpResult>> RegisterSocialOrg(RegisterSocialOrgRequest request, RegisterSocialOrgHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), o => $"/api/v1/social-orgs/{o.Id}");
}
