using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Domain;

/// <summary>The standard flow of a practice activity (DESIGN §4), in the order it is carried out.</summary>
public enum ChecklistStep
{
    SingAnthem = 1,
    VolunteerOath = 2,
    ReadQuotes = 3,
    CarryOut = 4,
    PublicReview = 5,
    KeepRecords = 6,
}

public enum AttachmentKind
{
    Photo = 1,
    SignInSheet = 2,
    Other = 3,
}

/// <summary>What an activity's archive still lacks: a step of the flow, or a kind of attachment.</summary>
public sealed record ArchiveGap(ChecklistStep? Step, AttachmentKind? Attachment);

/// <summary>
/// When an activity's archive is complete — the one place this rule lives (the stored flag, the
/// badge, the archive refusal and the demo all ask here): every step of the flow done, and at least
/// one photo and one sign-in sheet attached.
/// </summary>
public static class ArchiveCompleteness
{
    public static readonly IReadOnlyList<AttachmentKind> RequiredAttachments = [AttachmentKind.Photo, AttachmentKind.SignInSheet];

    public static IReadOnlyList<ArchiveGap> Missing(IEnumerable<ChecklistStep> doneSteps, IEnumerable<AttachmentKind> attachedKinds)
    {
        var done = doneSteps.ToHashSet();
        var kinds = attachedKinds.ToHashSet();
        return
        [
            .. Enum.GetValues<ChecklistStep>().Where(s => !done.Contains(s)).Select(s => new ArchiveGap(s, null)),
            .. RequiredAttachments.Where(k => !kinds.Contains(k)).Select(k => new ArchiveGap(null, k)),
        ];
    }

    public static bool IsComplete(IEnumerable<ChecklistStep> doneSteps, IEnumerable<AttachmentKind> attachedKinds) =>
        Missing(doneSteps, attachedKinds).Count == 0;

    /// <summary>The archive can change while the activity is being prepared, runs, or has ended; archived or cancelled, it is read-only.</summary>
    public static bool IsEditable(ActivityStatus status) =>
        status is ActivityStatus.Published or ActivityStatus.Ongoing or ActivityStatus.Finished;
}

/// <summary>
/// One step of one activity's flow. A row exists once the step was first ticked; unticking keeps it
/// (Done = false) so the audit log and the row say who changed it last. The unit is the activity's,
/// copied so the scope filter and the audit log place the row without a join.
/// </summary>
public sealed class ChecklistEntry : IOrgScoped
{
    public const int MaxNoteLength = 200;

    private ChecklistEntry()
    {
    }

    public long Id { get; private set; }

    public long ActivityId { get; private set; }

    public long OrgUnitId { get; private set; }

    public ChecklistStep Step { get; private set; }

    public bool Done { get; private set; }

    public string? Note { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public long? ChangedByUserId { get; private set; }

    public static ChecklistEntry Create(Activity activity, ChecklistStep step) => new()
    {
        ActivityId = activity.Id,
        OrgUnitId = activity.OrgUnitId,
        Step = step,
    };

    public void Mark(bool done, string? note, long? by, DateTime nowUtc)
    {
        Done = done;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ChangedAt = nowUtc;
        ChangedByUserId = by;
    }
}

/// <summary>A file attached to an activity's archive; the bytes are in the platform file store.</summary>
public sealed class ActivityAttachment : IOrgScoped
{
    public const int MaxCaptionLength = 100;

    private ActivityAttachment()
    {
    }

    public long Id { get; private set; }

    public long ActivityId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long FileId { get; private set; }

    public AttachmentKind Kind { get; private set; }

    public string? Caption { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public long? UploadedByUserId { get; private set; }

    public static ActivityAttachment Create(Activity activity, long fileId, AttachmentKind kind, string? caption, long? by, DateTime nowUtc) => new()
    {
        ActivityId = activity.Id,
        OrgUnitId = activity.OrgUnitId,
        FileId = fileId,
        Kind = kind,
        Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
        UploadedAt = nowUtc,
        UploadedByUserId = by,
    };
}
