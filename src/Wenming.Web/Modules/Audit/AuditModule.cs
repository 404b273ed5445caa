using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Modules.Audit.Features.BrowseAudit;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Audit;

/// <summary>Browsing the audit log that the platform writes for every change.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services) => services.AddScoped<BrowseAuditHandler>();

    public static RouteGroupBuilder MapAuditLog(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-entries", async Task<Results<Ok<PageOf<AuditEntryDto>>, ProblemHttpResult>> ([AsParameters] BrowseAuditRequest request, BrowseAuditHandler handler, CancellationToken ct) =>
            ApiResults.OkOr(await handler.HandleAsync(request, ct)))
            .WithTags("audit").WithSummary("操作日志（本辖区）");
        return api;
    }
}
