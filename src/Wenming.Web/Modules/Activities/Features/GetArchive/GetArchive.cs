using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.GetArchive;

/// <summary>
/// An activity's archive, for those who keep it (admins of the subtree, the team's leader) and for
/// supervisors, who inspect it; volunteers who merely may join the activity do not see sign-in sheets.
/// </summary>
public sealed class GetArchiveHandler(AppDbContext db, CurrentActor actor, ActivityAccess access, IFileStore files)
{
    public async Task<Result<ArchiveDto>> HandleAsync(long id, CancellationToken ct)
    {
        var activity = await db.Set<Activity>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
        {
            return Error.NotFound("activity.not_found");
        }

        if (!actor.IsAdmin && !actor.Has(Role.Supervisor) && !(activity.TeamId is { } teamId && await access.LeadsAsync(teamId, ct)))
        {
            return Error.Forbidden();
        }

        var entries = await db.Set<ChecklistEntry>().AsNoTracking().Where(c => c.ActivityId == id).ToListAsync(ct);
        var attachments = await db.Set<ActivityAttachment>().AsNoTracking().Where(a => a.ActivityId == id)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(ct);
        var fileInfos = await files.DescribeAsync([.. attachments.Select(a => a.FileId)], ct);

        var byStep = entries.ToDictionary(e => e.Step);
        var steps = Enum.GetValues<ChecklistStep>().Select(step => byStep.TryGetValue(step, out var e) && e.Done
            ? new ChecklistStepDto(step, ArchiveLabels.Step(step), true, Text.ToChinaTime(e.ChangedAt), e.ChangedByUserId, e.Note)
            : new ChecklistStepDto(step, ArchiveLabels.Step(step), false, null, null, byStep.GetValueOrDefault(step)?.Note)).ToList();
        var gaps = ArchiveCompleteness.Missing(entries.Where(e => e.Done).Select(e => e.Step), attachments.Select(a => a.Kind));
        return new ArchiveDto(
            steps,
            [.. attachments.Where(a => fileInfos.ContainsKey(a.FileId)).Select(a => AttachmentDto.From(a, fileInfos[a.FileId]))],
            gaps.Count == 0,
            [.. gaps.Select(ArchiveLabels.Gap)]);
    }
}
