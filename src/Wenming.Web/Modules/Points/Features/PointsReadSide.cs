using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Points.Features.Accounts;
using Wenming.Web.Modules.Points.Features.ExportLedger;
using Wenming.Web.Modules.Points.Features.Ranking;
using Wenming.Web.Modules.Points.Features.Reversal;
using Wenming.Web.Modules.Points.Features.Rules;
using Wenming.Web.Modules.Points.Features.Statement;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Points.Features;

/// <summary>The points read side (accounts, statements, ranking, ledger and its export), corrections and the rules' admin.</summary>
public static class PointsReadSide
{
    public static IServiceCollection AddPointsReadSide(this IServiceCollection services)
    {
        services.AddScoped<PointsReadAccess>();
        services.AddScoped<GetPointAccountHandler>();
        services.AddScoped<StatementHandler>();
        services.AddScoped<RankingHandler>();
        services.AddScoped<ReverseTransactionHandler>();
        services.AddScoped<ExportLedgerHandler>();
        services.AddScoped<PointRulesAdminHandler>();
        return services;
    }

    public static RouteGroupBuilder MapPointsReadSide(this RouteGroupBuilder api)
    {
        var points = api.MapGroup("/points").WithTags("points");
        points.MapGet("/accounts/mine", async Task<Results<Ok<PointAccountDto>, ProblemHttpResult>> (GetPointAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.MineAsync(ct)))
            .WithSummary("我的积分：余额、累计获得、信用星级、下一星所需积分、家庭合计");
        points.MapGet("/accounts/{personId:long}", async Task<Results<Ok<PointAccountDto>, ProblemHttpResult>> (long personId, GetPointAccountHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(personId, ct)))
            .WithSummary("某人的积分账户（本人，或其所在范围的管理员、督查）");
        points.MapGet("/accounts/{personId:long}/transactions", async Task<Results<Ok<PageOf<PointTransactionDto>>, ProblemHttpResult>> (
            long personId, [AsParameters] PageRequest paging, StatementHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.ForPersonAsync(personId, paging, ct)))
            .WithSummary("积分明细（最新在前），source 为来源键");
        points.MapGet("/ranking", async Task<Results<Ok<RankingDto>, ProblemHttpResult>> ([AsParameters] RankingRequest request, RankingHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithSummary("积分榜：某单位及下级的人员按累计获得积分排序（非管理员看到的姓名已遮挡）");
        points.MapGet("/transactions", async Task<Results<Ok<PageOf<PointTransactionDto>>, ProblemHttpResult>> (
            [AsParameters] LedgerRequest request, StatementHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.LedgerAsync(request, ct)))
            .WithSummary("积分台账：管辖范围内的积分变动，按单位、人员、类别、日期筛选");
        points.MapGet("/transactions/export", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
            [AsParameters] LedgerRequest request, ExportLedgerHandler handler, CancellationToken ct) =>
            ExcelExport.FileOr(await handler.HandleAsync(request, ct)))
            .WithSummary("导出积分台账（Excel，筛选条件同积分台账）");
        points.MapPost("/transactions/{id:long}/reverse", async Task<Results<Ok<PointTransactionDto>, ProblemHttpResult>> (
            long id, ReverseTransactionRequest request, ReverseTransactionHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(id, request, ct)))
            .WithSummary("冲正一笔积分变动（管理员，须填写理由，每笔只能冲正一次）");

        var rules = api.MapGroup("/point-rules").WithTags("points");
        rules.MapGet("/{countyId:long}", async Task<Results<Ok<PointRulesDto>, ProblemHttpResult>> (long countyId, PointRulesAdminHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.GetAsync(countyId, ct)))
            .WithSummary("本县积分规则及各镇村实际适用的值");
        rules.MapPut("/{countyId:long}", async Task<Results<Ok<PointRulesDto>, ProblemHttpResult>> (
            long countyId, SetPointRulesRequest request, PointRulesAdminHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.SetAsync(countyId, request, ct)))
            .WithSummary("修改本县积分规则（中心管理员）");
        rules.MapPut("/units/{unitId:long}", async Task<Results<Ok<UnitPointRulesDto>, ProblemHttpResult>> (
            long unitId, SetUnitPointRulesRequest request, PointRulesAdminHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.SetUnitAsync(unitId, request, ct)))
            .WithSummary("为下级镇、村单独设定获得积分的标准（本县允许时，由上级单位管理员设定）");
        rules.MapDelete("/units/{unitId:long}", async Task<Results<NoContent, ProblemHttpResult>> (long unitId, PointRulesAdminHandler handler, CancellationToken ct) =>
            await handler.DeleteUnitAsync(unitId, ct) is { IsSuccess: false } failed ? ApiResults.Problem(failed.Error!) : TypedResults.NoContent())
            .WithSummary("取消某单位的单独设定（恢复按本县规则）");
        return api;
    }
}
