using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.GetOrgUnit;

/// <summary>The HTTP side of <see cref="GetOrgUnitHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetOrgUnitEndpoints
{
    public static async Task<Results<Ok<OrgUnitDto>, ProblemHttpResult>> GetOrgUnit(long id, GetOrgUnitHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));

    public static async Task<Results<Ok<PageOf<OrgUnitDto>>, ProblemHttpResult>> Children(long id, GetOrgUnitHandler handler, CancellationToken ct, int page = 1, int pageSize = 20) =>
        ApiResults.OkOr(await handler.ChildrenAsync(id, new PageRequest { Page = page, PageSize = pageSize }, ct));
}
