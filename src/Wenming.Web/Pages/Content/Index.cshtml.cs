using Microsoft.AspNetCore.Authorization;
using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Content;

/// <summary>The articles of the admin's subtree: all, or those waiting for this admin's review.</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class IndexModel(ArticlesHandler articles) : AppPageModel
{
    public PageOf<ArticleDto> Articles { get; private set; } = new([], 1, 50, 0);

    public bool Review { get; private set; }

    public ArticleStatus? Status { get; private set; }

    public async Task OnGetAsync(bool review, ArticleStatus? status, int p = 1, CancellationToken ct = default)
    {
        Review = review;
        Status = status;
        var result = await articles.ListAsync(new ListArticlesRequest { Status = status, Review = review ? true : null, Page = Math.Max(1, p), PageSize = 50 }, ct);
        if (result.IsSuccess)
        {
            Articles = result.Value;
        }
    }
}
