using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Audit.Features.BrowseAudit;

/// <summary>The HTTP side of <see cref="BrowseAuditHandler"/>; routes, summaries and filters are mapped in the module file.</summary>
public static class BrowseAuditEndpoints
{
    public static async Task<Results<Ok<PageOf<AuditEntryDto>>, ProblemHttpResult>> BrowseAudit([AsParameters] BrowseAuditRequest request, BrowseAuditHandler handler, CancellationToken ct) =>
        ApiResults.OkOr(await handler.HandleAsync(request, ct));
}
