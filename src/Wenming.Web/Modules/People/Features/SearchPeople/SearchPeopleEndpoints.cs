using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.People.Features.SearchPeople;

/// <summary>The HTTP side of <see cref="SearchPeopleHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class SearchPeopleEndpoints
{
    public static async Task<Results<Ok<PageOf<PersonDto>>, ProblemHttpResult>> SearchPeople([AsParameters] SearchPeopleRequest request, SearchPeopleHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
