using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.People.Features.UpdatePerson;

/// <summary>The HTTP side of <see cref="UpdatePersonHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class UpdatePersonEndpoints
{
    public static async Task<Results<Ok<PersonDto>, ProblemHttpResult>> UpdatePerson(long id, UpdatePersonRequest request, UpdatePersonHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
