using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Wenming.Web.Modules.Accounts.Domain;
using Wenming.Web.Modules.Accounts.Features.ManageAccount;
using Wenming.Web.Modules.Accounts.Features.PasswordReset;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.SignUp;

/// <summary>
/// The HTTP side of sign-up and forgotten passwords. The anonymous routes share one per-address limit
/// (<c>RateLimits:SignUpPerMinutePerAddress</c>, 20 by default), stricter than sign-in's: a village office signs
/// up a few residents a minute, a script trying ID numbers or logins many.
/// </summary>
public static class SignUpEndpoints
{
    public const string Policy = "sign-up";

    public static IServiceCollection AddSignUpLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
        {
            var perMinute = config.GetValue("RateLimits:SignUpPerMinutePerAddress", 20);
            o.AddPolicy(Policy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static void MapAnonymous(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/public").WithTags("public").RequireRateLimiting(Policy);
        group.MapPost("/registrations", SignUp).WithSummary("居民自助注册（待村站确认；回答不透露身份证号或账号是否已存在）");
        group.MapPost("/password-resets", Forgot).WithSummary("忘记密码：提交登录名或手机号（回答不透露账号是否存在；已配置短信网关时发送验证码）");
        group.MapPost("/password-resets/code", ResetWithCode).WithSummary("凭短信验证码设置新密码（限时、限次、一次有效）");
    }

    public static void Map(RouteGroupBuilder api)
    {
        var registrations = api.MapGroup("/registrations").WithTags("accounts");
        registrations.MapGet("/", List).WithSummary("自助注册列表（本站范围）");
        registrations.MapGet("/{id:long}", Get).WithSummary("查看自助注册");
        registrations.MapPost("/{id:long}/confirm", Confirm).WithSummary("确认注册：创建居民账号（身份证号已登记时关联已有人员）");
        registrations.MapPost("/{id:long}/reject", Reject).WithSummary("驳回注册（需填写原因）");

        var resets = api.MapGroup("/password-resets").WithTags("accounts");
        resets.MapGet("/", ListResets).WithSummary("忘记密码请求（本站范围）");
        resets.MapPost("/{id:long}/reset", Reset).WithSummary("为请求人重置密码并关闭请求");
    }

    public static async Task<Results<Accepted<SignUpReceived>, ProblemHttpResult>> SignUp(SignUpRequest request, SignUpHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, result.Value) : ApiResults.Problem(result.Error!);
    }

    public static async Task<Results<Accepted<ForgotPasswordReceived>, ProblemHttpResult>> Forgot(ForgotPasswordRequest request, ForgotPasswordHandler handler, CancellationToken ct)
    {
        var result = await handler.RequestAsync(request, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, result.Value) : ApiResults.Problem(result.Error!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetWithCode(ResetWithCodeRequest request, ForgotPasswordHandler handler, CancellationToken ct)
    {
        var result = await handler.ResetWithCodeAsync(request, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }

    public static async Task<Results<Ok<PageOf<RegistrationDto>>, ProblemHttpResult>> List(RegistrationStatus? status, int? page, int? pageSize, RegistrationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(status, new PageRequest { Page = page ?? 1, PageSize = pageSize ?? 20 }, ct));

    public static async Task<Results<Ok<RegistrationDto>, ProblemHttpResult>> Get(long id, RegistrationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<RegistrationDto>, ProblemHttpResult>> Confirm(long id, RegistrationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ConfirmAsync(id, ct));

    public static async Task<Results<Ok<RegistrationDto>, ProblemHttpResult>> Reject(long id, RejectRegistrationRequest request, RegistrationsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RejectAsync(id, request, ct));

    public static async Task<Results<Ok<PageOf<PasswordResetDto>>, ProblemHttpResult>> ListResets(PasswordResetStatus? status, int? page, int? pageSize, PasswordResetsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ListAsync(status, new PageRequest { Page = page ?? 1, PageSize = pageSize ?? 20 }, ct));

    public static async Task<Results<Ok<PasswordResetDto>, ProblemHttpResult>> Reset(long id, ResetPasswordRequest request, PasswordResetsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ResetAsync(id, request, ct));
}
