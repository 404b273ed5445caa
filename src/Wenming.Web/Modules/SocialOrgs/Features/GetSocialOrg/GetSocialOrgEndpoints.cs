using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.GetSocialOrg;

/// <summary>The HTTP side of <see cref="GetSocialOrgHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetSocialOrgEndpoints
{
    public static async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> GetSocialOrg(long id, GetSocialOrgHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
