using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.MarkChecklistStep;

/// <summary>The HTTP side of <see cref="MarkChecklistStepHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class MarkChecklistStepEndpoints
{
    public static async Task<Results<Ok<ArchiveDto>, ProblemHttpResult>> MarkChecklistStep(long id, string step, MarkChecklistStepRequest request, MarkChecklistStepHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, step, request, ct));
}
