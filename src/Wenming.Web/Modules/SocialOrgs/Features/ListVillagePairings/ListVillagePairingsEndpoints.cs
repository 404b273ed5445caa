using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.SocialOrgs.Features.ListVillagePairings;

/// <summary>The HTTP side of <see cref="ListVillagePairingsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListVillagePairingsEndpoints
{
    public static async Task<Results<Ok<VillagePairingsDto>, ProblemHttpResult>> ListVillagePairings(long villageId, bool? includeEnded, ListVillagePairingsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(villageId, includeEnded ?? false, ct));
}
