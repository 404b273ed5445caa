using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.AddAttachment;
using Wenming.Web.Modules.Activities.Features.ArchiveActivity;
using Wenming.Web.Modules.Activities.Features.GetActivity;
using Wenming.Web.Modules.Activities.Features.GetArchive;
using Wenming.Web.Modules.Activities.Features.MarkChecklistStep;
using Wenming.Web.Modules.Activities.Features.RemoveAttachment;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Activities;

/// <summary>
/// The archive panel's forms post here. Done → back to the activity with a notice; refused → this page
/// shows the panel again with the messages next to the form.
/// </summary>
[Authorize(Roles = Roles.Admins + "," + Roles.TeamLeader)]
public sealed class ArchiveModel(
    GetActivityHandler getActivity, GetArchiveHandler getArchive, ActivityAccess access, IOptions<FileStoreOptions> files,
    MarkChecklistStepHandler mark, AddAttachmentHandler attach, RemoveAttachmentHandler remove, ArchiveActivityHandler archive) : AppPageModel
{
    public ActivityDto Activity { get; private set; } = null!;

    public ArchivePanel Panel { get; private set; } = null!;

    public Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => ShowAsync(id, ct);

    public async Task<IActionResult> OnPostStepAsync(long id, string step, bool done, string? note, CancellationToken ct) =>
        await Done(id, await mark.HandleAsync(id, step, new MarkChecklistStepRequest(done, note), ct), "Archive.step_saved", ct);

    public async Task<IActionResult> OnPostUploadAsync(long id, IFormFile? upload, string? kind, string? caption, CancellationToken ct)
    {
        await using var content = upload?.OpenReadStream();
        return await Done(id, await attach.HandleAsync(id, new AddAttachmentRequest(upload?.FileName, content, kind, caption), ct), "Archive.uploaded", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, long attachmentId, CancellationToken ct) =>
        await Done(id, await remove.HandleAsync(id, attachmentId, ct), "Archive.removed", ct);

    public async Task<IActionResult> OnPostArchiveAsync(long id, CancellationToken ct) =>
        await Done(id, await archive.HandleAsync(id, ct), "Archive.archived_notice", ct);

    private async Task<IActionResult> Done<T>(long id, Result<T> result, string notice, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await ShowAsync(id, ct);
        }

        Notice = Text.Get(notice);
        return Redirect(Url.Page("/Activities/Detail", new { id }) + "#archive");
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        var activity = await getActivity.HandleAsync(id, ct);
        if (!activity.IsSuccess)
        {
            return NotFoundPage();
        }

        Activity = activity.Value;
        var panel = await ArchivePanel.LoadAsync(id, Activity.Status, getArchive, access, files, ModelState, ct);
        if (panel is null)
        {
            return Forbid();
        }

        Panel = panel;
        return Page();
    }
}
