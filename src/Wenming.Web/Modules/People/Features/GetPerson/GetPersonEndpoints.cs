using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.People.Features.GetPerson;

/// <summary>The HTTP side of <see cref="GetPersonHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetPersonEndpoints
{
    public static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> GetPerson(long id, GetPersonHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
