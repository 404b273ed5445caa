using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.OwnPhone;

/// <summary>The HTTP side of <see cref="ChangeOwnPhoneHandler"/>; the route is mapped in the module file.</summary>
public static class ChangeOwnPhoneEndpoints
{
    public static async Task<Results<Ok<OwnPhoneDto>, ProblemHttpResult>> ChangeOwnPhone(ChangeOwnPhoneRequest request, ChangeOwnPhoneHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
