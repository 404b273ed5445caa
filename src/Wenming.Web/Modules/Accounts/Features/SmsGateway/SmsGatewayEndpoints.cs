using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Accounts.Features.SmsGateway;

/// <summary>GET/PUT /api/v1/counties/{id}/sms-gateway and its test message (ADR 0056).</summary>
public static class SmsGatewayEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/counties/{id:long}/sms-gateway").WithTags("accounts");
        group.MapGet("/", Get).WithSummary("本县短信网关（县级中心管理员；密钥只显示是否已设置）");
        group.MapPut("/", Put).WithSummary("设置本县短信网关（无 / 仅写日志 / HTTP 网关；默认沿用平台设置）");
        group.MapPost("/test", Test).WithSummary("通过本县短信网关发送一条测试短信");
    }

    public static async Task<Results<Ok<SmsGatewayDto>, ProblemHttpResult>> Get(long id, SmsGatewayHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.GetAsync(id, ct));

    public static async Task<Results<Ok<SmsGatewayDto>, ProblemHttpResult>> Put(long id, SmsGatewayRequest request, SmsGatewayHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SetAsync(id, request, ct));

    public static async Task<Results<Ok<SmsTestResult>, ProblemHttpResult>> Test(long id, SmsTestRequest request, SmsGatewayHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.SendTestAsync(id, request, ct));
}
