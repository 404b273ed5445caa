using Wenming.Web.Modules.Accounts.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Shared;

/// <summary>
/// The menu follows the role: admins manage, the supervisor reads (together: overseers), everyone
/// else sees their own things. Shared by every module's navigation so the groups mean the same.
/// </summary>
public static class NavAudience
{
    public static bool IsOverseer(CurrentActor actor) => actor.IsAdmin || actor.Has(Role.Supervisor);

    /// <summary>A resident, volunteer or team leader with a person record: the "mine" pages.</summary>
    public static bool IsPersonal(CurrentActor actor) => !IsOverseer(actor) && actor.PersonId is not null;
}
