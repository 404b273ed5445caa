using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.ImportVolunteers;

/// <summary>The HTTP side of <see cref="ImportVolunteersHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ImportVolunteersEndpoints
{
    public static async Task<Results<Ok<ImportVolunteersResult>, ProblemHttpResult>> ImportVolunteers(IFormFile? file, ImportVolunteersHandler handler, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        return ApiResults.OkOr(await handler.HandleAsync(stream, file?.Length ?? 0, ct));
    }
}
