using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.MoveOrgUnit;

/// <summary>The HTTP side of <see cref="MoveOrgUnitHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class MoveOrgUnitEndpoints
{
    public static async Task<Results<Ok<OrgUnitDto>, ProblemHttpResult>> MoveOrgUnit(long id, MoveOrgUnitRequest request, MoveOrgUnitHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
