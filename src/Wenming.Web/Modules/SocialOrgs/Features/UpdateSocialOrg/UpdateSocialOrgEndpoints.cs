using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.UpdateSocialOrg;

/// <summary>The HTTP side of <see cref="UpdateSocialOrgHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class UpdateSocialOrgEndpoints
{
    public static async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> UpdateSocialOrg(long id, UpdateSocialOrgRequest request, UpdateSocialOrgHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
