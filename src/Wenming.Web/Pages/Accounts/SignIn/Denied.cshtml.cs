using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages.Accounts.SignIn;

/// <summary>Where the cookie handler sends a signed-in user whose role may not open a page.</summary>
public sealed class DeniedModel : AppPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
