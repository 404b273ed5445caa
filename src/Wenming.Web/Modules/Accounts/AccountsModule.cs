using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Accounts.Features;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Accounts.Features.ListAccounts;
using Wenming.Web.Modules.Accounts.Features.ManageAccount;
using Wenming.Web.Modules.Accounts.Features.Me;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Modules.Accounts;

/// <summary>Accounts, roles, sign-in and tokens (DESIGN §2–3).</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                // No Identity lockout: wrong passwords slow down the address they come from, not the owner (ADR 0019).
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+-";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.AddScoped<IActorResolver, ActorResolver>();
        services.AddScoped<SignInService>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<RefreshTokens>();
        services.AddSingleton(sp => SignInLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddJob<SignInCleanupJob>();
        services.AddScoped<MeHandler>();
        services.AddScoped<CreateAccountHandler>();
        services.AddScoped<ListAccountsHandler>();
        services.AddScoped<ManageAccountHandler>();
        services.AddScoped<Contracts.IAccountDirectory, Contracts.AccountDirectory>();
        services.AddScoped<People.Contracts.IPersonDataEraser, Features.Privacy.AccountsPersonData>();
        services.AddScoped<People.Contracts.IPersonActivity, Features.Privacy.AccountsPersonData>();
        return services;
    }

    /// <summary>Routes that do not need a signed-in caller.</summary>
    public static RouteGroupBuilder MapAccountsAnonymous(this RouteGroupBuilder api)
    {
        TokenEndpoints.MapTokens(api);
        return api;
    }

    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async Task<Results<Ok<MeDto>, ProblemHttpResult>> (MeHandler handler, CancellationToken ct) =>
            await handler.HandleAsync(ct) is { } me ? TypedResults.Ok(me) : ApiResults.Problem(Error.Of("auth.unauthorized", ErrorKind.Unauthorized)))
            .WithTags("auth").WithSummary("当前登录账号");

        var group = api.MapGroup("/accounts").WithTags("accounts");

        group.MapGet("/", async Task<Results<Ok<PageOf<AccountDto>>, ProblemHttpResult>> ([AsParameters] ListAccountsRequest request, ListAccountsHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("账号列表");

        group.MapGet("/{id:long}", async Task<Results<Ok<AccountDto>, ProblemHttpResult>> (long id, ManageAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(id, ct)))
            .WithSummary("查看账号");

        group.MapPost("/", async Task<Results<Created<AccountDto>, ProblemHttpResult>> (CreateAccountRequest request, CreateAccountHandler handler, CancellationToken ct) =>
            ApiResults.CreatedOr(await handler.HandleAsync(request, ct), a => $"/api/v1/accounts/{a.Id}"))
            .WithSummary("创建账号（绑定到组织，指定角色）");

        group.MapPost("/{id:long}/deactivate", async Task<Results<Ok<AccountDto>, ProblemHttpResult>> (long id, ManageAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.DeactivateAsync(id, ct)))
            .WithSummary("停用账号");

        group.MapPost("/{id:long}/activate", async Task<Results<Ok<AccountDto>, ProblemHttpResult>> (long id, ManageAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ActivateAsync(id, ct)))
            .WithSummary("启用账号");

        group.MapPost("/{id:long}/unlock", async Task<Results<Ok<AccountDto>, ProblemHttpResult>> (long id, ManageAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.UnlockAsync(id, ct)))
            .WithSummary("解除锁定");

        group.MapPost("/{id:long}/reset-password", async Task<Results<Ok<AccountDto>, ProblemHttpResult>> (long id, ResetPasswordRequest request, ManageAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ResetPasswordAsync(id, request, ct)))
            .WithSummary("重置密码");

        group.MapPost("/{id:long}/roles", async Task<Results<Ok<AccountDto>, ProblemHttpResult>> (long id, SetRolesRequest request, ManageAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.SetRolesAsync(id, request, ct)))
            .WithSummary("设置角色");

        return api;
    }
}
