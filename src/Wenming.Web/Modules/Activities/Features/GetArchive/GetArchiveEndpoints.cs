using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.GetArchive;

/// <summary>The HTTP side of <see cref="GetArchiveHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetArchiveEndpoints
{
    public static async Task<Results<Ok<ArchiveDto>, ProblemHttpResult>> GetArchive(long id, GetArchiveHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
