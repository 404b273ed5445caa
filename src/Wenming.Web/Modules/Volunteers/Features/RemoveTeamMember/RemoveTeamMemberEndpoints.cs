using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.RemoveTeamMember;

/// <summary>The HTTP side of <see cref="RemoveTeamMemberHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class RemoveTeamMemberEndpoints
{
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveTeamMember(long id, long volunteerId, RemoveTeamMemberHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, volunteerId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }
}
