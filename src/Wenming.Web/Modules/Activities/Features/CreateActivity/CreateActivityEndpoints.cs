using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.CreateActivity;

/// <summary>The HTTP side of <see cref="CreateActivityHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class CreateActivityEndpoints
{
    public static async Task<Results<Created<ActivityDto>, ProblemHttpResult>> CreateActivity(CreateActivityRequest request, CreateActivityHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), a => $"/api/v1/activities/{a.Id}");
}
