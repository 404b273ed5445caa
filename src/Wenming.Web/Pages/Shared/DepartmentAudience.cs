using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Shared;

/// <summary>Whether the signed-in person administers a county department (org level 6, ADR 0060): their home and pages differ.</summary>
public static class DepartmentAudience
{
    public static async Task<bool> IsDepartmentAdminAsync(CurrentActor actor, IOrgDirectory orgs, CancellationToken ct) =>
        actor.IsAdmin && actor.OrgUnitId is { } own && await orgs.FindAsync(own, ct) is { Level: OrgLevel.Department };
}
