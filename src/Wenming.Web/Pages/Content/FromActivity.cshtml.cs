using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Content.Features;
using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages.Content;

/// <summary>
/// 生成活动报道 from an activity's page: drafts the report and opens it in the editor; the author edits and submits
/// it for the usual review. A refusal (the activity has not ended) is shown here with the way back.
/// </summary>
[Authorize]
public sealed class FromActivityModel(ArticlesHandler articles) : AppPageModel
{
    public long ActivityId { get; private set; }

    public IActionResult OnGet(long activityId) => Redirect("/activities/" + activityId);

    public async Task<IActionResult> OnPostAsync(long activityId, CancellationToken ct)
    {
        ActivityId = activityId;
        var draft = await articles.DraftFromActivityAsync(activityId, ct);
        if (!draft.IsSuccess)
        {
            return Refuse(draft.Error!, prefix: "") ?? Page();
        }

        return Redirect("/content/edit/" + draft.Value.Id);
    }
}
