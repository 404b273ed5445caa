using System.ComponentModel;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Notifications.Contracts;
using Wenming.Web.Modules.Orders.Contracts;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Supervision.Contracts;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Supervision.Features.Tasks;

/// <summary>API.md's <c>{orgUnitId, title, description?, dueAt}</c>.</summary>
public sealed record AssignTaskRequest(long? OrgUnitId, string? Title, string? Description, DateTimeOffset? DueAt);

/// <summary>The body of <c>/progress</c>, <c>/complete</c>, <c>/urge</c> and <c>/comments</c>: <c>{percent?, note}</c>.</summary>
public sealed record TaskNoteRequest(int? Percent, string? Note);

/// <summary><c>GET /api/v1/supervision/tasks?orgUnitId=&amp;light=&amp;status=&amp;mine=</c>.</summary>
public sealed record ListTasksRequest
{
    public long? OrgUnitId { get; set; }

    public SupervisionLight? Light { get; set; }

    public SupervisionStatus? Status { get; set; }

    [DefaultValue(false)]
    public bool? Mine { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

public sealed class AssignTaskValidator : AbstractValidator<AssignTaskRequest>
{
    public AssignTaskValidator(DateTime now)
    {
        RuleFor(r => r.OrgUnitId).NotNull().WithErrorCode("validation.required").WithMessage(_ => Required("orgUnitId"));
        RuleFor(r => r.Title).Must(v => !string.IsNullOrWhiteSpace(v)).WithErrorCode("validation.required").WithMessage(_ => Required("title"))
            .Must(v => v is null || v.Trim().Length <= SupervisionTask.MaxTitleLength).WithErrorCode("validation.too_long")
            .WithMessage(_ => Text.Get("validation.too_long", Text.Get("Supervision.field.title"), SupervisionTask.MaxTitleLength));
        RuleFor(r => r.Description).Must(v => v is null || v.Trim().Length <= SupervisionTask.MaxDescriptionLength).WithErrorCode("validation.too_long")
            .WithMessage(_ => Text.Get("validation.too_long", Text.Get("Supervision.field.description"), SupervisionTask.MaxDescriptionLength));
        RuleFor(r => r.DueAt).NotNull().WithErrorCode("validation.required").WithMessage(_ => Required("dueAt"))
            .Must(d => d is not { } due || due.UtcDateTime > now).WithErrorCode("supervision.due_in_past").WithMessage(_ => Text.Get("supervision.due_in_past"));
    }

    internal static string Required(string field) => Text.Get("validation.required", Text.Get("Supervision.field." + field));
}

/// <summary>
/// 督办 (DESIGN §8, RULES.md Supervision): the county or a township assigns a task to a unit of its subtree; the
/// unit's admins report progress and complete it; the levels above and the supervisor urge (催办: the unit's
/// admins are notified and the urge is counted) and comment. Every change is one row update guarded by the
/// task's version plus a timeline entry, saved together (audited by the context). The scope filter decides
/// which tasks exist for the caller: a sibling township's are 404.
/// </summary>
public sealed class SupervisionTasksHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, INotifier notifier, IClaimDeadlines claims, TimeProvider clock)
    : ISupervisionTaskAssigner
{
    public Task<Result<TaskDto>> AssignAsync(AssignTaskRequest request, CancellationToken ct) =>
        AssignAsync(request, fromLeaderVisit: false, ct);

    /// <summary>包镇联村: a county leader's visit found a problem; the leader may be a supervisor, who assigns only this way.</summary>
    async Task<Result<long>> ISupervisionTaskAssigner.AssignFromVisitAsync(long orgUnitId, string? title, string? description, DateTimeOffset? dueAt, CancellationToken ct)
    {
        var assigned = await AssignAsync(new AssignTaskRequest(orgUnitId, title, description, dueAt), fromLeaderVisit: true, ct);
        if (!assigned.IsSuccess)
        {
            return assigned.Error!;
        }

        return assigned.Value.Id;
    }

    private async Task<Result<TaskDto>> AssignAsync(AssignTaskRequest request, bool fromLeaderVisit, CancellationToken ct)
    {
        // The county (center) and the townships (institutes) assign; a station works, it does not assign.
        var forbidden = fromLeaderVisit
            ? actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin, Role.Supervisor)
            : actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin);
        if (forbidden is not null)
        {
            return forbidden;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Validation.Check(new AssignTaskValidator(now), request) is { } invalid)
        {
            return invalid;
        }

        var unit = await orgs.FindAsync(request.OrgUnitId!.Value, ct);
        if (unit is null)
        {
            return TaskErrors.UnitNotFound();
        }

        if (unit.Id == actor.OrgUnitId)
        {
            return FieldErrors.One("orgUnitId", "supervision.own_unit", "supervision.own_unit");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return FieldErrors.One("orgUnitId", "supervision.unit_not_assignable", "supervision.unit_not_assignable");
        }

        // 首办责任制 (ADR 0060): a department must name its first handler within the county's claim time.
        DateTime? claimDueAt = unit.Level == OrgLevel.Department ? now.AddHours(await claims.ClaimHoursAsync(countyId, ct)) : null;
        var task = SupervisionTask.Assign(
            countyId, unit.Id, actor.OrgUnitId ?? countyId, actor.UserId, actor.Login, request.Title!, request.Description, request.DueAt!.Value.UtcDateTime, now,
            claimDueAt: claimDueAt);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(task);
        await db.SaveChangesAsync(ct);
        db.Add(SupervisionEntry.Of(task, SupervisionEntryKind.Assigned, null, task.Description, actor.UserId, actor.Login, now));
        await notifier.ToUnitAdminsAsync(unit.Id, Notice("Supervision.notice.assigned", task), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await DtoAsync(task, withTimeline: true, ct);
    }

    /// <summary>
    /// 认领 (ADR 0060): an admin of the department the task was assigned to becomes its first handler. One
    /// version-guarded update: of several admins claiming at once exactly one wins, the others get 409.
    /// </summary>
    public async Task<Result<TaskDto>> ClaimAsync(long id, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var task = await db.Set<SupervisionTask>().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return TaskErrors.NotFound();
        }

        if (task.ClaimDueAt is null)
        {
            return TaskErrors.NotClaimable();
        }

        if (task.FirstHandlerUserId is not null)
        {
            return TaskErrors.AlreadyClaimed();
        }

        if (task.OrgUnitId != actor.OrgUnitId || actor.UserId is not { } userId)
        {
            return TaskErrors.NotYours("supervision.only_department");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!task.Claim(userId, actor.Login, now))
        {
            return TaskErrors.Closed();
        }

        db.Add(SupervisionEntry.Of(task, SupervisionEntryKind.Claimed, null, Text.Get("Supervision.ui.claimed_note", actor.Login ?? ""), userId, actor.Login, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TaskErrors.AlreadyClaimed();
        }

        return await DtoAsync(task, withTimeline: true, ct);
    }

    /// <summary>The unit's own admins report how far they are (a percent that never goes back, and what was done).</summary>
    public Task<Result<TaskDto>> ProgressAsync(long id, TaskNoteRequest request, CancellationToken ct) =>
        StepAsync(id, request, Party.Unit, SupervisionEntryKind.Progress, noteRequired: true, (task, now) => task.Report(request.Percent), ct);

    public Task<Result<TaskDto>> CompleteAsync(long id, TaskNoteRequest request, CancellationToken ct) =>
        StepAsync(id, request, Party.Unit, SupervisionEntryKind.Completed, noteRequired: false, (task, now) => task.Complete(now), ct);

    /// <summary>催办: counted on the task, and every admin of the unit gets a message.</summary>
    public Task<Result<TaskDto>> UrgeAsync(long id, TaskNoteRequest request, CancellationToken ct) =>
        StepAsync(id, request, Party.Above, SupervisionEntryKind.Urged, noteRequired: false, (task, now) => task.Urge(now), ct);

    /// <summary>A comment from above (the assigner or the supervisor); allowed on finished tasks too.</summary>
    public Task<Result<TaskDto>> CommentAsync(long id, TaskNoteRequest request, CancellationToken ct) =>
        StepAsync(id, request, Party.Above, SupervisionEntryKind.Comment, noteRequired: true, (_, _) => true, ct);

    private enum Party
    {
        Unit,
        Above,
    }

    private async Task<Result<TaskDto>> StepAsync(
        long id, TaskNoteRequest request, Party party, SupervisionEntryKind kind, bool noteRequired, Func<SupervisionTask, DateTime, bool> step, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var task = await db.Set<SupervisionTask>().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return TaskErrors.NotFound();
        }

        // The unit answers for its task; those above it (and the supervisor) urge and comment. A system admin may do both.
        var ownUnit = task.OrgUnitId == actor.OrgUnitId;
        var allowed = actor.IsSystemAdmin || (party == Party.Unit
            ? ownUnit && actor.IsAdmin
            : !ownUnit || actor.Has(Role.Supervisor));
        if (!allowed)
        {
            return TaskErrors.NotYours(party == Party.Unit ? "supervision.only_unit" : "supervision.only_above");
        }

        if (CheckNote(request, noteRequired, kind == SupervisionEntryKind.Progress) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!step(task, now))
        {
            return TaskErrors.Closed();
        }

        var percent = kind is SupervisionEntryKind.Progress or SupervisionEntryKind.Completed ? task.Percent : (int?)null;
        var note = string.IsNullOrWhiteSpace(request.Note) && kind == SupervisionEntryKind.Urged ? Text.Get("Supervision.ui.urge_default") : request.Note;
        db.Add(SupervisionEntry.Of(task, kind, percent, note, actor.UserId, actor.Login, now));
        if (kind == SupervisionEntryKind.Urged)
        {
            await notifier.ToUnitAdminsAsync(task.OrgUnitId, Notice("Supervision.notice.urged", task, task.UrgeCount), ct);
        }
        else if (kind == SupervisionEntryKind.Comment && ownUnit is false)
        {
            await notifier.ToUnitAdminsAsync(task.OrgUnitId, Notice("Supervision.notice.commented", task), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two urges or reports at once: each is a version-guarded update, so one lands and the other is told to retry.
            return TaskErrors.Changed();
        }

        return await DtoAsync(task, withTimeline: true, ct);
    }

    private static Error? CheckNote(TaskNoteRequest request, bool required, bool percentAllowed)
    {
        var fields = new Dictionary<string, string[]>();
        if (required && string.IsNullOrWhiteSpace(request.Note))
        {
            fields["note"] = [AssignTaskValidator.Required("note")];
        }
        else if (request.Note is { } n && n.Trim().Length > SupervisionTask.MaxNoteLength)
        {
            fields["note"] = [Text.Get("validation.too_long", Text.Get("Supervision.field.note"), SupervisionTask.MaxNoteLength)];
        }

        if (percentAllowed && request.Percent is < 0 or > 100)
        {
            fields["percent"] = [Text.Get("supervision.percent_range")];
        }

        return fields.Count == 0 ? null : Error.Validation(fields);
    }

    public async Task<Result<TaskDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var task = await db.Set<SupervisionTask>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        return task is null ? TaskErrors.NotFound() : await DtoAsync(task, withTimeline: true, ct);
    }

    public async Task<Result<PageOf<TaskDto>>> ListAsync(ListTasksRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        var query = db.Set<SupervisionTask>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return TaskErrors.UnitNotFound();
            }

            query = query.Where(t => under.Contains(t.OrgUnitId));
        }

        if (request.Mine is true)
        {
            var own = actor.OrgUnitId;
            query = query.Where(t => t.OrgUnitId == own);
        }

        if (request.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Light is { } light)
        {
            query = WithLight(query, light, now);
        }

        var page = await query
            .OrderBy(t => t.Status == SupervisionStatus.Open ? 0 : 1).ThenBy(t => t.DueAt).ThenByDescending(t => t.Id)
            .ToPageAsync(paging, ct);
        var units = await UnitNamesAsync(page.Items, ct);
        return new PageOf<TaskDto>([.. page.Items.Select(t => TaskDto.From(t, now, units, null))], page.Page, page.PageSize, page.Total);
    }

    /// <summary>
    /// <see cref="SupervisionTask.LightOf"/> as a WHERE: the same boundaries, compared with "now" as a parameter, so
    /// the filter and the chip on each row never disagree (a unit test walks both over every boundary).
    /// </summary>
    public static IQueryable<SupervisionTask> WithLight(IQueryable<SupervisionTask> query, SupervisionLight light, DateTime now) => light switch
    {
        SupervisionLight.Green => query.Where(t => t.Status == SupervisionStatus.Completed && t.CompletedAt <= t.DueAt),
        SupervisionLight.Red => query.Where(t => (t.Status == SupervisionStatus.Completed && t.CompletedAt > t.DueAt)
            || (t.Status == SupervisionStatus.Open && t.DueAt < now)
            || (t.Status == SupervisionStatus.Open && t.FirstHandlerUserId == null && t.ClaimDueAt < now)),
        SupervisionLight.Yellow => query.Where(t => t.Status == SupervisionStatus.Open && t.DueAt >= now
            && (t.FirstHandlerUserId != null || t.ClaimDueAt == null || t.ClaimDueAt >= now)
            && (t.YellowFrom < now || (t.HalfwayAt <= now && t.Percent < SupervisionTask.HalfwayPercent))),
        _ => query.Where(t => t.Status == SupervisionStatus.Open && t.DueAt >= now
            && (t.FirstHandlerUserId != null || t.ClaimDueAt == null || t.ClaimDueAt >= now)
            && t.YellowFrom >= now && (t.HalfwayAt > now || t.Percent >= SupervisionTask.HalfwayPercent)),
    };

    private async Task<TaskDto> DtoAsync(SupervisionTask task, bool withTimeline, CancellationToken ct)
    {
        IReadOnlyList<TaskEntryDto>? timeline = null;
        if (withTimeline)
        {
            var entries = await db.Set<SupervisionEntry>().AsNoTracking().Where(e => e.TaskId == task.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
            timeline = [.. entries.Select(e => new TaskEntryDto(e.Id, e.Kind, SupervisionLabels.Kind(e.Kind), e.Percent, e.Note, e.ByLogin, Text.ToChinaTime(e.At)))];
        }

        return TaskDto.From(task, clock.GetUtcNow().UtcDateTime, await UnitNamesAsync([task], ct), timeline);
    }

    /// <summary>
    /// The assignee's and the assigner's names. The assigner is above the caller's scope for a station admin, so it is
    /// looked up past the scope through the directory's own unscoped look-up (a name, nothing more).
    /// </summary>
    private async Task<IReadOnlyDictionary<long, string>> UnitNamesAsync(IReadOnlyList<SupervisionTask> tasks, CancellationToken ct)
    {
        var names = new Dictionary<long, string>();
        foreach (var id in tasks.SelectMany(t => new[] { t.OrgUnitId, t.AssignedByUnitId }).Distinct())
        {
            if ((await orgs.FindUnscopedAsync(id, ct))?.Name is { } name)
            {
                names[id] = name;
            }
        }

        return names;
    }

    private static Notice Notice(string key, SupervisionTask task, params object[] extra) => new(
        Text.Get(key + ".title"),
        Text.Get(key + ".body", [task.Title, Text.Display(task.DueAt), .. extra]),
        $"/supervision/tasks/{task.Id}");
}
