using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;

namespace Wenming.Web.Modules.Activities.Features.RemoveAttachment;

/// <summary>Takes an attachment (and its stored file) off an archive that is still open; an archived activity keeps its files.</summary>
public sealed class RemoveAttachmentHandler(AppDbContext db, ActivityArchiveEditor editor, IFileStore files)
{
    public async Task<Result<bool>> HandleAsync(long id, long attachmentId, CancellationToken ct)
    {
        var begun = await editor.BeginAsync(id, ct);
        if (!begun.IsSuccess)
        {
            return begun.Error!;
        }

        await using var change = begun.Value;
        var attachment = await db.Set<ActivityAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ActivityId == id, ct);
        if (attachment is null)
        {
            return Error.NotFound("activity.attachment_not_found");
        }

        db.Remove(attachment);
        await files.RemoveAsync(attachment.FileId, ct);
        await editor.CommitAsync(change, ct);
        return true;
    }
}
