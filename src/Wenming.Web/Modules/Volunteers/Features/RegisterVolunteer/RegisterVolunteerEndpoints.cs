using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.RegisterVolunteer;

/// <summary>The HTTP side of <see cref="RegisterVolunteerHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class RegisterVolunteerEndpoints
{
    public static async Task<Results<Created<VolunteerDto>, ProblemHttpResult>> RegisterVolunteer(RegisterVolunteerRequest request, RegisterVolunteerHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), v => $"/api/v1/volunteers/{v.Id}");
}
