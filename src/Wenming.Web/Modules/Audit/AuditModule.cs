using Wenming.Web.Modules.Audit.Features.BrowseAudit;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Audit;

/// <summary>Browsing the audit log that the platform writes for every change.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services) => services.AddScoped<BrowseAuditHandler>();

    public static RouteGroupBuilder MapAuditLog(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-entries", BrowseAuditEndpoints.BrowseAudit)
            .WithTags("audit").WithSummary("操作日志（本辖区）");
        return api;
    }
}
