using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Activities.Features.Enroll;

/// <summary>The HTTP side of <see cref="EnrollHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class EnrollEndpoints
{
    public static async Task<Results<Created<EnrollmentDto>, ProblemHttpResult>> Enroll(long id, EnrollRequest request, EnrollHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(id, request, ct), e => $"/api/v1/activities/{id}/enrollments/{e.VolunteerId}");
}
