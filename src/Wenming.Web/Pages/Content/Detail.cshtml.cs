using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Content;

/// <summary>One article as its writers and reviewers see it: the rendered body, the trail, and the next step (submit, review by another person, publish, withdraw).</summary>
[Authorize(Roles = Roles.Admins)]
public sealed class DetailModel(ArticlesHandler articles, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    public ArticleDto Article { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    /// <summary>The body as the portal will show it (staff open /files/ themselves).</summary>
    public string BodyHtml { get; private set; } = "";

    public bool IsMine => Article.AuthorUserId == actor.UserId;

    public bool ReviewedByMe => Article.FirstReviewer is not null && Article.FirstReviewer == actor.Login;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await articles.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? NotFoundPage();
        }

        Article = result.Value;
        UnitName = (await orgs.FindAsync(Article.OrgUnitId, ct))?.Name ?? "";
        BodyHtml = ArticleMarkdown.ToHtml(Article.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(long id, CancellationToken ct) =>
        await Done(await articles.SubmitAsync(id, ct), id, "Content.ui.submitted", ct);

    public async Task<IActionResult> OnPostApproveAsync(long id, CancellationToken ct) =>
        await Done(await articles.ApproveAsync(id, ct), id, "Content.ui.approved", ct);

    public async Task<IActionResult> OnPostRejectAsync(long id, string? reason, CancellationToken ct) =>
        await Done(await articles.RejectAsync(id, new RejectArticleRequest(reason), ct), id, "Content.ui.rejected", ct);

    public async Task<IActionResult> OnPostPublishAsync(long id, bool pinned, DateOnly? expiresOn, CancellationToken ct)
    {
        DateTimeOffset? expires = expiresOn is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), Text.ChinaOffset) : null;
        return await Done(await articles.PublishAsync(id, new PublishArticleRequest(pinned, expires), ct), id, "Content.ui.published", ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct) =>
        await Done(await articles.WithdrawAsync(id, ct), id, "Content.ui.withdrawn", ct);

    private async Task<IActionResult> Done(Result<ArticleDto> result, long id, string noticeKey, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(id, ct);
        }

        Notice = Text.Get(noticeKey);
        return RedirectToPage("/Content/Detail", new { id });
    }
}
