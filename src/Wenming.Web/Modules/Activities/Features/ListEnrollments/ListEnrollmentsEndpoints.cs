using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.ListEnrollments;

/// <summary>The HTTP side of <see cref="ListEnrollmentsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListEnrollmentsEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<EnrollmentDto>>, ProblemHttpResult>> ListEnrollments(long id, ListEnrollmentsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, ct));
}
