using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.ManageAccount;

/// <summary>The HTTP side of <see cref="ManageAccountHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ManageAccountEndpoints
{
    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> Get(long id, ManageAccountHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> Deactivate(long id, ManageAccountHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.DeactivateAsync(id, ct));

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> Activate(long id, ManageAccountHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ActivateAsync(id, ct));

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> Unlock(long id, ManageAccountHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.UnlockAsync(id, ct));

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> ResetPassword(long id, ResetPasswordRequest request, ManageAccountHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ResetPasswordAsync(id, request, ct));

    public static async Task<Results<Ok<AccountDto>, ProblemHttpResult>> SetRoles(long id, SetRolesRequest request, ManageAccountHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SetRolesAsync(id, request, ct));
}
