using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.People.Features.RegisterPerson;

/// <summary>The HTTP side of <see cref="RegisterPersonHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class RegisterPersonEndpoints
{
    public static async Task<Results<Created<PersonDto>, ProblemHttpResult>> RegisterPerson(RegisterPersonRequest request, RegisterPersonHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), p => $"/api/v1/people/{p.Id}");
}
