using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.UpdateActivity;

/// <summary>The HTTP side of <see cref="UpdateActivityHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class UpdateActivityEndpoints
{
    public static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> UpdateActivity(long id, UpdateActivityRequest request, UpdateActivityHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
