using Wenming.Web.Platform.Errors;

namespace Wenming.Web.Platform.Scope;

/// <summary>Role checks (403). Subtree checks (404) are the query filter's job, not the handler's.</summary>
public static class Permissions
{
    public static Error? RequireAny(this CurrentActor actor, params Role[] roles) =>
        actor.Roles.Any(roles.Contains) ? null : Error.Forbidden();

    public static Error? RequireAdmin(this CurrentActor actor) =>
        actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin, Role.StationAdmin);

    public static Error? RequireOverseer(this CurrentActor actor) =>
        actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin, Role.StationAdmin, Role.Supervisor);
}
