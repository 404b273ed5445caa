using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.PairVillage;

/// <summary>The HTTP side of <see cref="PairVillageHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class PairVillageEndpoints
{
    public static async Task<Results<Created<PairingDto>, ProblemHttpResult>> PairVillage(long id, PairVillageRequest request, PairVillageHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(id, request, ct), p => $"/api/v1/pairings/{p.Id}");
}
