using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Content;

/// <summary>
/// The visitor's village, remembered without signing in (issue 16): choosing one on the portal stores its id in a
/// cookie for a year, and a portal page opened without <c>?unit=</c> (the bare link shared in a chat) shows that
/// village with the county's content. Only a unit id: no person, nothing to protect, so neither signed nor HttpOnly-bound
/// to a session.
/// </summary>
public static class PortalVisitor
{
    public const string Cookie = "wm_portal_unit";

    public static long? Remembered(HttpRequest request) =>
        request.Cookies.TryGetValue(Cookie, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static void Remember(HttpResponse response, long unitId) =>
        response.Cookies.Append(Cookie, unitId.ToString(CultureInfo.InvariantCulture), new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });

    /// <summary>
    /// The unit a portal page shows: the one asked for (then remembered), else the remembered one, else the county.
    /// A remembered unit that no longer exists falls back to the county rather than to an error page.
    /// </summary>
    public static async Task<OrgUnitInfo?> UnitAsync(PublicArticlesHandler portal, HttpContext http, long? asked, CancellationToken ct)
    {
        if (asked is { } id)
        {
            var found = await portal.PortalUnitAsync(id, ct);
            if (found is not null)
            {
                Remember(http.Response, found.Id);
            }

            return found;
        }

        return Remembered(http.Request) is { } remembered && await portal.PortalUnitAsync(remembered, ct) is { } unit
            ? unit
            : await portal.PortalUnitAsync(null, ct);
    }

    /// <summary>Where 报名 or 点单 leads: straight there when signed in, else through the sign-in form and back.</summary>
    public static string SignInThen(CurrentActor actor, string path) =>
        actor.IsAuthenticated ? path : "/account/login?ReturnUrl=" + Uri.EscapeDataString(path);

    /// <summary>
    /// Whether 点单 is offered: to a visitor (who signs in first), a resident or volunteer (a person), or an admin (on
    /// someone's behalf). A supervisor or department account has no one to order for; the form answers them 无权访问.
    /// </summary>
    public static bool MayOrder(CurrentActor actor) => !actor.IsAuthenticated || actor.IsAdmin || actor.PersonId is not null;
}

/// <summary>The portal's section pages (activities, services, points): anonymous, for one unit, with its county's id for the links.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public abstract class PortalSectionPage(PublicArticlesHandler portal) : AppPageModel
{
    public OrgUnitInfo Unit { get; private set; } = null!;

    public long CountyId => Unit.CountyId ?? Unit.Id;

    protected async Task<IActionResult?> ResolveAsync(long? unit, CancellationToken ct)
    {
        if (await PortalVisitor.UnitAsync(portal, HttpContext, unit, ct) is not { } found)
        {
            return NotFoundPage();
        }

        Unit = found;
        return null;
    }
}
