using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.ListOrgUnits;

/// <summary>The HTTP side of <see cref="ListOrgUnitsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListOrgUnitsEndpoints
{
    public static async Task<Results<Ok<PageOf<OrgUnitDto>>, ProblemHttpResult>> ListOrgUnits([AsParameters] ListOrgUnitsRequest request, ListOrgUnitsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
