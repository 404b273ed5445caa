using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Domain;
using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Content;

public sealed class ArticleForm
{
    public ArticleKind? Kind { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Body { get; set; }

    public long? CoverFileId { get; set; }
}

/// <summary>
/// Writes a new article or edits a draft. A picture chosen on the phone is stored in the file store under the
/// article's unit and its Markdown (<c>![图片](/files/id)</c>) is added to the body, the first one also as the cover.
/// </summary>
[Authorize(Roles = Roles.Admins)]
public sealed class EditModel(ArticlesHandler articles, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public ArticleForm Input { get; set; } = new();

    public long? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var found = await articles.GetAsync(existing, ct);
            if (!found.IsSuccess)
            {
                return Refuse(found.Error!, prefix: "") ?? NotFoundPage();
            }

            var a = found.Value;
            if (a.Status != ArticleStatus.Draft)
            {
                return RedirectToPage("/Content/Detail", new { id = existing });
            }

            Input = new ArticleForm { Kind = a.Kind, Title = a.Title, Summary = a.Summary, Body = a.Body, CoverFileId = a.CoverFileId };
        }

        Input.Kind ??= ArticleKind.News;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, IFormFile? picture, CancellationToken ct)
    {
        Id = id;
        if (BindingFailed())
        {
            return Page();
        }

        if (picture is { Length: > 0 })
        {
            await using var stream = picture.OpenReadStream();
            var stored = await articles.AddPictureAsync(picture.FileName, stream, ct);
            if (!stored.IsSuccess)
            {
                return Refuse(stored.Error!, prefix: "") ?? Page();
            }

            Input.Body = (Input.Body ?? "").TrimEnd() + $"\n\n![{Text.Get("Content.ui.picture")}](/files/{stored.Value})\n";
            Input.CoverFileId ??= stored.Value;
        }

        var request = new ArticleRequest(actor.OrgUnitId, Input.Kind, Input.Title, Input.Body, Input.Summary, Input.CoverFileId);
        var result = id is { } existing ? await articles.UpdateAsync(existing, request, ct) : await articles.CreateAsync(request, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!) ?? Page();
        }

        Notice = Text.Get("Content.ui.saved");
        return RedirectToPage("/Content/Detail", new { id = result.Value.Id });
    }
}
