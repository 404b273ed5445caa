using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.ReverseServiceRecord;

/// <summary>The HTTP side of <see cref="ReverseServiceRecordHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class ReverseServiceRecordEndpoints
{
    public static async Task<Results<Created<ServiceRecordDto>, ProblemHttpResult>> ReverseServiceRecord(long id, ReverseServiceRecordRequest request, ReverseServiceRecordHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(id, request, ct), r => $"/api/v1/service-records/{r.Id}");
}
