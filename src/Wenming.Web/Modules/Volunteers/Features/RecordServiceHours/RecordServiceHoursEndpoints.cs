using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.RecordServiceHours;

/// <summary>The HTTP side of <see cref="RecordServiceHoursHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class RecordServiceHoursEndpoints
{
    public static async Task<Results<Created<ServiceRecordDto>, ProblemHttpResult>> RecordServiceHours(long id, RecordServiceHoursRequest request, RecordServiceHoursHandler handler, CancellationToken ct) =>
        ApiResults.CreatedOr(await handler.HandleAsync(id, request, ct), r => $"/api/v1/service-records/{r.Id}");
}
