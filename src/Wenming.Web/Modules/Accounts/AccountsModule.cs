using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Accounts.Features;
using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Accounts.Features.ListAccounts;
using Wenming.Web.Modules.Accounts.Features.ManageAccount;
using Wenming.Web.Modules.Accounts.Features.Me;
using Wenming.Web.Modules.Accounts.Features.OwnPassword;
using Wenming.Web.Modules.Accounts.Features.OwnPhone;
using Wenming.Web.Modules.Accounts.Features.PasswordReset;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Modules.Accounts.Features.SignUp;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Jobs;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;
using Wenming.Web.Platform.Sms;

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
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordNotLoginValidator>();
        services.AddScoped<IActorResolver, ActorResolver>();
        services.AddScoped<SignedInAccount>();
        services.AddScoped<SignInService>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<RefreshTokens>();
        services.AddSingleton(sp => SignInLimits.From(sp.GetRequiredService<IConfiguration>()));
        services.AddJob<SignInCleanupJob>();
        services.AddScoped<MeHandler>();
        services.AddScoped<ChangeOwnPasswordHandler>();
        services.AddScoped<ChangeOwnPhoneHandler>();
        services.AddScoped<CreateAccountHandler>();
        services.AddScoped<ListAccountsHandler>();
        services.AddScoped<ManageAccountHandler>();
        services.AddScoped<Contracts.IAccountDirectory, Contracts.AccountDirectory>();
        services.AddScoped<People.Contracts.IPersonDataEraser, Features.Privacy.AccountsPersonData>();
        services.AddScoped<People.Contracts.IPersonActivity, Features.Privacy.AccountsPersonData>();
        services.AddSms();
        services.AddScoped<Platform.Sms.ISmsGateways, Features.SmsGateway.CountySmsGateways>();
        services.AddScoped<Features.SmsGateway.SmsGatewayHandler>();
        services.AddSignUpLimit();
        services.AddScoped<SignUpHandler>();
        services.AddScoped<RegistrationsHandler>();
        services.AddScoped<ForgotPasswordHandler>();
        services.AddScoped<PasswordResetsHandler>();
        services.AddScoped<IDemoSeedStep, SignUpDemo>();
        services.AddAuditTerms(new AuditTerms()
            .Entity(nameof(Registration), "Accounts.entity.Registration").Entity(nameof(PasswordResetRequest), "Accounts.entity.PasswordResetRequest")
            .Entity("SmsGateway", "Accounts.entity.SmsGateway")
            .Enum<RegistrationStatus>(RegistrationLabels.Status).Enum<PasswordResetStatus>(RegistrationLabels.Status));
        return services;
    }

    /// <summary>Routes that do not need a signed-in caller.</summary>
    public static RouteGroupBuilder MapAccountsAnonymous(this RouteGroupBuilder api)
    {
        TokenEndpoints.MapTokens(api);
        SignUpEndpoints.MapAnonymous(api);
        return api;
    }

    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        api.MapGet("/me", MeEndpoints.Me)
            .WithTags("auth").WithSummary("当前登录账号");

        api.MapPost("/me/password", ChangeOwnPasswordEndpoints.ChangeOwnPassword)
            .WithTags("auth").WithSummary("修改本人密码（需当前密码；其他登录随即失效）");

        api.MapPut("/me/phone", ChangeOwnPhoneEndpoints.ChangeOwnPhone)
            .WithTags("auth").WithSummary("修改本人手机号码");

        var group = api.MapGroup("/accounts").WithTags("accounts");

        group.MapGet("/", ListAccountsEndpoints.ListAccounts)
            .WithSummary("账号列表");

        group.MapGet("/{id:long}", ManageAccountEndpoints.Get)
            .WithSummary("查看账号");

        group.MapPost("/", CreateAccountEndpoints.CreateAccount)
            .WithSummary("创建账号（绑定到组织，指定角色）");

        group.MapPost("/{id:long}/deactivate", ManageAccountEndpoints.Deactivate)
            .WithSummary("停用账号");

        group.MapPost("/{id:long}/activate", ManageAccountEndpoints.Activate)
            .WithSummary("启用账号");

        group.MapPost("/{id:long}/unlock", ManageAccountEndpoints.Unlock)
            .WithSummary("解除锁定");

        group.MapPost("/{id:long}/reset-password", ManageAccountEndpoints.ResetPassword)
            .WithSummary("重置密码");

        group.MapPost("/{id:long}/roles", ManageAccountEndpoints.SetRoles)
            .WithSummary("设置角色");

        SignUpEndpoints.Map(api);
        Features.SmsGateway.SmsGatewayEndpoints.Map(api);
        return api;
    }
}
