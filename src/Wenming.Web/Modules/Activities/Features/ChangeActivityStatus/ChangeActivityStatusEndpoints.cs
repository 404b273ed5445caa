using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.ChangeActivityStatus;

/// <summary>The HTTP side of <see cref="ChangeActivityStatusHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ChangeActivityStatusEndpoints
{
    public static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> Publish(long id, ChangeActivityStatusHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ActivityAction.Publish, ct));

    public static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> Cancel(long id, ChangeActivityStatusHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ActivityAction.Cancel, ct));
}
