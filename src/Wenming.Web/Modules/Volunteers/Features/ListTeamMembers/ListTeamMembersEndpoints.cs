using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.ListTeamMembers;

/// <summary>The HTTP side of <see cref="ListTeamMembersHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListTeamMembersEndpoints
{
    public static async Task<Results<Ok<PageOf<TeamMemberDto>>, ProblemHttpResult>> ListTeamMembers(long id, [AsParameters] ListTeamMembersRequest request, ListTeamMembersHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(id, request, ct));
}
