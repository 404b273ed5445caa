using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.People.Features.AnonymizePerson;

/// <summary>The HTTP side of <see cref="AnonymizePersonHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class AnonymizePersonEndpoints
{
    public static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> AnonymizePerson(long id, AnonymizePersonRequest request, AnonymizePersonHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
