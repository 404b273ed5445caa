using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.Me;

/// <summary>The HTTP side of <see cref="MeHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class MeEndpoints
{
    public static Results<Ok<MeDto>, ProblemHttpResult> Me(MeHandler handler) =>
        handler.Handle() is { } me ? TypedResults.Ok(me) : ApiResults.Problem(Error.Of("auth.unauthorized", ErrorKind.Unauthorized));
}
