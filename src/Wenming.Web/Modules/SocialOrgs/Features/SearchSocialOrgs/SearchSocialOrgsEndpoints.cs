using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.SearchSocialOrgs;

/// <summary>The HTTP side of <see cref="SearchSocialOrgsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SearchSocialOrgsEndpoints
{
    public static async Task<Results<Ok<PageOf<SocialOrgDto>>, ProblemHttpResult>> SearchSocialOrgs([AsParameters] SearchSocialOrgsRequest request, SearchSocialOrgsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
