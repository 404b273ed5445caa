using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Volunteers.Features.DecideServiceRecord;

/// <summary>The HTTP side of <see cref="DecideServiceRecordHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class DecideServiceRecordEndpoints
{
    public static async Task<Results<Ok<ServiceRecordDto>, ProblemHttpResult>> Confirm(long id, DecideServiceRecordHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.ConfirmAsync(id, ct));

    public static async Task<Results<Ok<ServiceRecordDto>, ProblemHttpResult>> Reject(long id, RejectServiceRecordRequest request, DecideServiceRecordHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.RejectAsync(id, request, ct));
}
