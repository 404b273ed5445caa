using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;
using Wenming.Web.Platform.Excel;

namespace Wenming.Web.Modules.Volunteers.Features.ExportServiceRecords;

/// <summary>The HTTP side of <see cref="ExportServiceRecordsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ExportServiceRecordsEndpoints
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportServiceRecords([AsParameters] ServiceRecordReportRequest request, ExportServiceRecordsHandler handler, CancellationToken ct) =>
        ExcelExport.FileOr(await handler.HandleAsync(request, ct));
}
