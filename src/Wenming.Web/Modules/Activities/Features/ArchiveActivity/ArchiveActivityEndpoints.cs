using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.ArchiveActivity;

/// <summary>The HTTP side of <see cref="ArchiveActivityHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ArchiveActivityEndpoints
{
    public static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> ArchiveActivity(long id, ArchiveActivityHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
