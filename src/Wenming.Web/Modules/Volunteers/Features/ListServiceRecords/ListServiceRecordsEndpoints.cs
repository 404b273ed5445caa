using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;

/// <summary>The HTTP side of <see cref="ListServiceRecordsHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ListServiceRecordsEndpoints
{
    public static async Task<Results<Ok<ServiceRecordPage>, ProblemHttpResult>> ForVolunteer(long id, [AsParameters] VolunteerServiceRecordsRequest request, ListServiceRecordsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ForVolunteerAsync(id, request, ct));

    public static async Task<Results<Ok<ServiceRecordPage>, ProblemHttpResult>> Report([AsParameters] ServiceRecordReportRequest request, ListServiceRecordsHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ReportAsync(request, ct));
}
