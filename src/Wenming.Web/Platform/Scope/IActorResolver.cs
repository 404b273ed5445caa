namespace Wenming.Web.Platform.Scope;

/// <summary>
/// Turns an authenticated request into the <see cref="CurrentActor"/> and its <see cref="OrgScope"/>. The platform
/// decides where in the pipeline this runs; the Accounts module, which owns the accounts, decides how.
/// </summary>
public interface IActorResolver
{
    /// <summary>Signs the actor in, or clears <see cref="HttpContext.User"/> when the session is no longer good.</summary>
    Task ResolveAsync(HttpContext ctx);
}
