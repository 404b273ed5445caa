using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Activities.Features;

/// <summary>An activity's archive: the six steps of the standard flow, the attachments, and whether it is complete (and if not, what is missing).</summary>
public sealed record ArchiveDto(IReadOnlyList<ChecklistStepDto> Steps, IReadOnlyList<AttachmentDto> Attachments, bool Complete, IReadOnlyList<string> Missing);

public sealed record ChecklistStepDto(ChecklistStep Step, string Name, bool Done, DateTimeOffset? DoneAt, long? DoneByUserId, string? Note);

/// <summary><c>url</c> is the API's download address; pages link to <c>/files/{fileId}</c>.</summary>
public sealed record AttachmentDto(
    long Id, AttachmentKind Kind, string KindLabel, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string Url, long FileId, string? Caption)
{
    public bool IsImage => FileSniffer.IsImage(ContentType);

    public static AttachmentDto From(ActivityAttachment a, StoredFileInfo file) => new(
        a.Id, a.Kind, ArchiveLabels.Kind(a.Kind), file.FileName, file.ContentType, file.Size, Text.ToChinaTime(a.UploadedAt), file.ApiUrl, file.Id, a.Caption);
}

/// <summary>Chinese names of the steps, kinds and gaps.</summary>
public static class ArchiveLabels
{
    public static string Step(ChecklistStep step) => Text.Get("Archive.step." + step);

    public static string Kind(AttachmentKind kind) => Text.Get("Archive.kind." + kind);

    public static string Gap(ArchiveGap gap) => gap.Step is { } step ? Step(step) : Text.Get("Archive.gap." + gap.Attachment);

    public static string Gaps(IEnumerable<ArchiveGap> gaps) => string.Join("、", gaps.Select(Gap));
}
