using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.ListAccounts;

/// <summary>The HTTP side of <see cref="ListAccountsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListAccountsEndpoints
{
    public static async Task<Results<Ok<PageOf<AccountDto>>, ProblemHttpResult>> ListAccounts([AsParameters] ListAccountsRequest request, ListAccountsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
