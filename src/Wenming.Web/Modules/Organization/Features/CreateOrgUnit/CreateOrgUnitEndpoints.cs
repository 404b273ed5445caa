using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.CreateOrgUnit;

/// <summary>The HTTP side of <see cref="CreateOrgUnitHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class CreateOrgUnitEndpoints
{
    public static async Task<Results<Created<OrgUnitDto>, ProblemHttpResult>> CreateOrgUnit(CreateOrgUnitRequest request, CreateOrgUnitHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), u => $"/api/v1/org-units/{u.Id}");
}
