using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.AddAttachment;

/// <summary>One upload: the file as the phone sent it, its kind (Photo, SignInSheet, Other) and an optional caption.</summary>
public sealed record AddAttachmentRequest(string? FileName, Stream? Content, string? Kind, string? Caption);

/// <summary>Attaches a photo, sign-in sheet or other file to an activity's archive (201), checked by its bytes and size.</summary>
public sealed class AddAttachmentHandler(AppDbContext db, CurrentActor actor, TimeProvider clock, ActivityArchiveEditor editor, IFileStore files)
{
    public async Task<Result<AttachmentDto>> HandleAsync(long id, AddAttachmentRequest request, CancellationToken ct)
    {
        if (!Enum.TryParse<AttachmentKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            return Error.Field("kind", "activity.attachment_kind_invalid");
        }

        if (request.Caption is { } caption && caption.Trim().Length > ActivityAttachment.MaxCaptionLength)
        {
            return Error.Field("caption", "validation.too_long", Text.Get("field.archiveCaption"), ActivityAttachment.MaxCaptionLength);
        }

        var found = await editor.FindEditableAsync(id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        // Read and check the file before taking the activity's lock: a slow upload must not hold it.
        var staged = await files.AddAsync(request.FileName, request.Content, found.Value.OrgUnitId, ct);
        if (!staged.IsSuccess)
        {
            return staged.Error!;
        }

        var begun = await editor.BeginAsync(id, ct);
        if (!begun.IsSuccess)
        {
            // The request ends here, so the staged file is never saved.
            return begun.Error!;
        }

        await using var change = begun.Value;
        await db.SaveChangesAsync(ct);
        var attachment = ActivityAttachment.Create(change.Activity, staged.Value.Id, kind, request.Caption, actor.UserId, clock.GetUtcNow().UtcDateTime);
        db.Add(attachment);
        await editor.CommitAsync(change, ct);
        var info = (await files.DescribeAsync([staged.Value.Id], ct))[staged.Value.Id];
        return AttachmentDto.From(attachment, info);
    }
}
