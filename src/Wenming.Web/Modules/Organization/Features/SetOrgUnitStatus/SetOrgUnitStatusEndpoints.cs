using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Organization.Features.SetOrgUnitStatus;

/// <summary>The HTTP side of <see cref="SetOrgUnitStatusHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SetOrgUnitStatusEndpoints
{
    public static async Task<Results<Ok<OrgUnitDto>, ProblemHttpResult>> Deactivate(long id, SetOrgUnitStatusHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.DeactivateAsync(id, ct));

    public static async Task<Results<Ok<OrgUnitDto>, ProblemHttpResult>> Activate(long id, SetOrgUnitStatusHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ActivateAsync(id, ct));
}
