using Wenming.Web.Modules.Audit.Features.BrowseAudit;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Audit;

/// <summary>Browsing the audit log that the platform writes for every change.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services) =>
        services.AddScoped<BrowseAuditHandler>().AddScoped<AuditVocabulary>().AddAuditTerms(PlatformWords());

    /// <summary>
    /// The platform's own rows (units, people, accounts) keep their Shell.* words; their enums are named
    /// here because the log reads every module's enums through one vocabulary (ADR 0039).
    /// </summary>
    private static AuditTerms PlatformWords() => new AuditTerms()
        .Entity("OrgUnit", "Shell.entity.OrgUnit").Entity("Person", "Shell.entity.Person").Entity("AppUser", "Shell.entity.AppUser")
        .Enum<OrgLevel>(l => Text.Get("Shell.level." + l)).Enum<OrgUnitStatus>(s => Text.Get("Shell.status." + s))
        .Enum<PoliticalStatus>(p => Text.Get("Shell.political." + p)).Enum<Gender>(g => Text.Get("Shell.gender." + g));

    public static RouteGroupBuilder MapAuditLog(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-entries", BrowseAuditEndpoints.BrowseAudit)
            .WithTags("audit").WithSummary("操作日志（本辖区）");
        return api;
    }
}
