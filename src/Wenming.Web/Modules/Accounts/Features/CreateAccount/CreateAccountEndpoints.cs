using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.CreateAccount;

/// <summary>The HTTP side of <see cref="CreateAccountHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class CreateAccountEndpoints
{
    public static async Task<Results<Created<AccountDto>, ProblemHttpResult>> CreateAccount(CreateAccountRequest request, CreateAccountHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(request, ct), a => $"/api/v1/accounts/{a.Id}");
}
