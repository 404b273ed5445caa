using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.UpdateOrgUnit;

/// <summary>The HTTP side of <see cref="UpdateOrgUnitHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class UpdateOrgUnitEndpoints
{
    public static async Task<Results<Ok<OrgUnitDto>, ProblemHttpResult>> UpdateOrgUnit(long id, UpdateOrgUnitRequest request, UpdateOrgUnitHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
