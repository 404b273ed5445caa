using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.AddTeamMember;

/// <summary>The HTTP side of <see cref="AddTeamMemberHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class AddTeamMemberEndpoints
{
    public static async Task<Results<Created<TeamMemberDto>, ProblemHttpResult>> AddTeamMember(long id, AddTeamMemberRequest request, AddTeamMemberHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(id, request, ct), m => $"/api/v1/teams/{id}/members/{m.VolunteerId}");
}
