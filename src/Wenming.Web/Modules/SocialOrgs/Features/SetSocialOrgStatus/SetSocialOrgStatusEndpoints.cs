using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.SetSocialOrgStatus;

/// <summary>The HTTP side of <see cref="SetSocialOrgStatusHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SetSocialOrgStatusEndpoints
{
    public static async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> Deactivate(long id, SetSocialOrgStatusHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, SocialOrgStatus.Inactive, ct));

    public static async Task<Results<Ok<SocialOrgDto>, ProblemHttpResult>> Activate(long id, SetSocialOrgStatusHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, SocialOrgStatus.Active, ct));
}
