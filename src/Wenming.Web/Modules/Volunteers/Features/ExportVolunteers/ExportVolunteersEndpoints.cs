using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;
using Wenming.Web.Platform.Excel;

namespace Wenming.Web.Modules.Volunteers.Features.ExportVolunteers;

/// <summary>The HTTP side of <see cref="ExportVolunteersHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ExportVolunteersEndpoints
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportVolunteers([AsParameters] SearchVolunteersRequest request, ExportVolunteersHandler handler, CancellationToken ct) =>
        ExcelExport.FileOr(await handler.HandleAsync(request, ct));
}
