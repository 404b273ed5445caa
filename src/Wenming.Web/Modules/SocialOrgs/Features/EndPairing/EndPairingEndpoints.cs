using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.EndPairing;

/// <summary>The HTTP side of <see cref="EndPairingHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class EndPairingEndpoints
{
    public static async Task<Results<Ok<PairingDto>, ProblemHttpResult>> EndPairing(long id, EndPairingRequest? request, EndPairingHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request ?? new EndPairingRequest(), ct));
}
