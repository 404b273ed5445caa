using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Activities.Features.SearchActivities;
using Wenming.Web.Platform.Excel;

namespace Wenming.Web.Modules.Activities.Features.ExportActivities;

/// <summary>The HTTP side of <see cref="ExportActivitiesHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ExportActivitiesEndpoints
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportActivities([AsParameters] SearchActivitiesRequest request, ExportActivitiesHandler handler, CancellationToken ct) =>
        ExcelExport.FileOr(await handler.HandleAsync(request, ct));
}
