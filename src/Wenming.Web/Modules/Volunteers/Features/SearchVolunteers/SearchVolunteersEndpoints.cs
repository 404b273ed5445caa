using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;

/// <summary>The HTTP side of <see cref="SearchVolunteersHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SearchVolunteersEndpoints
{
    public static async Task<Results<Ok<PageOf<VolunteerDto>>, ProblemHttpResult>> SearchVolunteers([AsParameters] SearchVolunteersRequest request, SearchVolunteersHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
