using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Platform.Excel;

namespace Wenming.Web.Modules.Market.Features.Export;

/// <summary>The HTTP side of <see cref="MarketExportsHandler"/>: each export as an .xlsx file or a problem.</summary>
public static class MarketExportEndpoints
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Stock(MarketExportsHandler handler, CancellationToken ct, long? orgUnitId = null) =>
        ExcelExport.FileOr(await handler.StockAsync(orgUnitId, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Movements(
        MarketExportsHandler handler, CancellationToken ct, long? orgUnitId = null, long? goodsId = null) =>
        ExcelExport.FileOr(await handler.MovementsAsync(orgUnitId, goodsId, ct));

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Redemptions(
        MarketExportsHandler handler, CancellationToken ct, long? orgUnitId = null, RedemptionStatus? status = null) =>
        ExcelExport.FileOr(await handler.RedemptionsAsync(orgUnitId, status, ct));
}
