using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Activities.Contracts;
using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Pages.Content;

/// <summary>
/// The public portal (两心融合), phone first, for anyone: a village's (or township's, county's) news and notices with
/// those of the units above, study material, upcoming activities and volunteer recruitment, the services one orders
/// after signing in, the fund disclosure and certificate verification. Everything here is published or public
/// already; the lists come from the portal cache, so a link shared in a WeChat group costs one query a half-minute.
/// </summary>
[AllowAnonymous]
public sealed partial class PortalModel(PublicArticlesHandler portal, PortalSections sections) : AppPageModel
{
    public OrgUnitInfo Unit { get; private set; } = null!;

    public IReadOnlyList<PublicArticleDto> News { get; private set; } = [];

    public IReadOnlyList<PublicArticleDto> Study { get; private set; } = [];

    public IReadOnlyList<PublicActivityInfo> Activities { get; private set; } = [];

    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<PublicServiceDto> Services { get; private set; } = [];

    public int ServiceCount { get; private set; }

    public IReadOnlyList<PublicPointsNoticeDto> Notices { get; private set; } = [];

    public IReadOnlyList<Modules.Points.Contracts.PublicRankingEntry> Ranking { get; private set; } = [];

    public ArticleKind? Kind { get; private set; }

    public long CountyId => Unit.CountyId ?? Unit.Id;

    public async Task<IActionResult> OnGetAsync(long? unit, ArticleKind? kind, CancellationToken ct)
    {
        if (await PortalVisitor.UnitAsync(portal, HttpContext, unit, ct) is not { } found)
        {
            return NotFoundPage();
        }

        Unit = found;
        Kind = kind;
        var news = await portal.ListAsync(found.Id, kind, 1, 20, ct);
        News = news.IsSuccess ? news.Value.Items.Where(a => kind is not null || a.Kind != ArticleKind.Study).ToList() : [];
        if (kind is null)
        {
            var study = await portal.ListAsync(found.Id, ArticleKind.Study, 1, 5, ct);
            Study = study.IsSuccess ? study.Value.Items : [];
        }

        Activities = await portal.UpcomingActivitiesAsync(found, 6, ct);
        if (kind is null)
        {
            var services = await sections.ServicesOfAsync(found, ct);
            (Services, ServiceCount) = ([.. services.Take(6)], services.Count);
            Notices = [.. (await sections.NoticesOfAsync(found, ct)).Take(3)];
            Ranking = [.. (await sections.RankingOfAsync(found, ct)).Items.Take(5)];
        }

        Units = await portal.UnitsOfCountyAsync(CountyId, ct);
        return Page();
    }

    /// <summary>The verification form: the certificate's number, then its public page (<c>/verify/{code}</c>).</summary>
    public IActionResult OnGetVerify(string? code)
    {
        var clean = (code ?? "").Trim();
        return CertificateCode().IsMatch(clean) ? Redirect("/verify/" + Uri.EscapeDataString(clean)) : RedirectToPage("/Content/Portal");
    }

    /// <summary>The portal's own address for a unit, for the share card and the links.</summary>
    public string PortalUrl(long unitId) => SiteUrl.Root(Request) + "/portal?unit=" + unitId;

    [GeneratedRegex("^[A-Za-z0-9-]{4,64}$")]
    private static partial Regex CertificateCode();
}
