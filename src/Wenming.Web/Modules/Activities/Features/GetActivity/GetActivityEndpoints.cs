using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.GetActivity;

/// <summary>The HTTP side of <see cref="GetActivityHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class GetActivityEndpoints
{
    public static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetActivity(long id, GetActivityHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
