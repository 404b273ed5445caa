using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Modules.Activities.Features.GetArchive;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Activities.Features.MarkChecklistStep;

public sealed record MarkChecklistStepRequest(bool? Done, string? Note);

public sealed class MarkChecklistStepValidator : AbstractValidator<MarkChecklistStepRequest>
{
    public MarkChecklistStepValidator()
    {
        RuleFor(r => r.Done).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.checklistDone")));
        RuleFor(r => r.Note).OptionalText("checklistNote", ChecklistEntry.MaxNoteLength);
    }
}

/// <summary>Ticks or unticks one step of an activity's standard flow, with an optional note; answers the whole archive.</summary>
public sealed class MarkChecklistStepHandler(
    AppDbContext db, CurrentActor actor, TimeProvider clock, ActivityArchiveEditor editor, GetArchiveHandler archive)
{
    /// <summary>The step as its name (<c>SingAnthem</c>) or its number in the flow (1–6).</summary>
    public static ChecklistStep? ParseStep(string? step) =>
        int.TryParse(step, out var n) ? (Enum.IsDefined((ChecklistStep)n) ? (ChecklistStep)n : null)
        : Enum.TryParse<ChecklistStep>(step, ignoreCase: true, out var named) ? named : null;

    public async Task<Result<ArchiveDto>> HandleAsync(long id, string? step, MarkChecklistStepRequest request, CancellationToken ct)
    {
        if (ParseStep(step) is not { } which)
        {
            return Error.Field("step", "activity.checklist_step_invalid");
        }

        if (Validation.Check(new MarkChecklistStepValidator(), request) is { } invalid)
        {
            return invalid;
        }

        var begun = await editor.BeginAsync(id, ct);
        if (!begun.IsSuccess)
        {
            return begun.Error!;
        }

        await using (var change = begun.Value)
        {
            var entry = await db.Set<ChecklistEntry>().SingleOrDefaultAsync(c => c.ActivityId == id && c.Step == which, ct);
            if (entry is null)
            {
                entry = ChecklistEntry.Create(change.Activity, which);
                db.Add(entry);
            }

            entry.Mark(request.Done!.Value, request.Note, actor.UserId, clock.GetUtcNow().UtcDateTime);
            await editor.CommitAsync(change, ct);
        }

        return await archive.HandleAsync(id, ct);
    }
}
