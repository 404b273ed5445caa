using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features;
using Wenming.Web.Modules.Activities.Features.GetArchive;
using Wenming.Web.Platform.Files;

namespace Wenming.Web.Pages.Activities;

/// <summary>What the archive panel (_Archive.cshtml) shows: the archive, whether this person may change it, and the messages of a refused form.</summary>
public sealed record ArchivePanel(long ActivityId, ActivityStatus Status, ArchiveDto Archive, bool CanManage, string MaxFileSize, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Editable => CanManage && ArchiveCompleteness.IsEditable(Status);

    public bool CanArchive => CanManage && Status == ActivityStatus.Finished && Archive.Complete;

    public IEnumerable<string> ErrorsOf(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>The panel for an activity, or null when this person may not see its archive (e.g. a leader of another team).</summary>
    public static async Task<ArchivePanel?> LoadAsync(
        long activityId, ActivityStatus status, GetArchiveHandler archive, ActivityAccess access, IOptions<FileStoreOptions> files, ModelStateDictionary? modelState, CancellationToken ct)
    {
        var loaded = await archive.HandleAsync(activityId, ct);
        if (!loaded.IsSuccess)
        {
            return null;
        }

        var canManage = (await access.ManageableAsync(activityId, track: false, ct)).IsSuccess;
        var errors = modelState is null ? new Dictionary<string, string[]>()
            : modelState.Where(e => e.Value is { Errors.Count: > 0 })
                .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray());
        return new ArchivePanel(activityId, status, loaded.Value, canManage, SizeText(files.Value.MaxBytes), errors);
    }

    private static string SizeText(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}

/// <summary>The archive panel inside the activity's detail page (one line there), loading its own data.</summary>
public sealed class ArchivePanelViewComponent(GetArchiveHandler archive, ActivityAccess access, IOptions<FileStoreOptions> files) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ActivityDto activity)
    {
        var panel = await ArchivePanel.LoadAsync(activity.Id, activity.Status, archive, access, files, null, HttpContext.RequestAborted);
        return panel is null ? Content("") : View("/Pages/Activities/_Archive.cshtml", panel);
    }
}
