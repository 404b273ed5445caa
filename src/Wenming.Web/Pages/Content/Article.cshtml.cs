using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Pages.Content;

/// <summary>A published article for anyone, readable at 360 px, with the share card a chat shows for its link.</summary>
[AllowAnonymous]
public sealed class ArticleModel(PublicArticlesHandler portal) : AppPageModel
{
    public PublicArticleDetailDto Article { get; private set; } = null!;

    public string Site { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await portal.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return NotFoundPage();
        }

        Article = result.Value;
        Site = SiteUrl.Root(Request);
        return Page();
    }
}
