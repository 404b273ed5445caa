using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders.Features.DeadlineRules;

/// <summary>The HTTP side of <see cref="DeadlineRulesHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class DeadlineRulesEndpoints
{
    public static async Task<Results<Ok<DeadlineRulesDto>, ProblemHttpResult>> Get(long countyId, DeadlineRulesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(countyId, ct));

    public static async Task<Results<Ok<DeadlineRulesDto>, ProblemHttpResult>> Set(long countyId, SetDeadlineRulesRequest request, DeadlineRulesHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SetAsync(countyId, request, ct));
}
