using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Fund.Domain;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Fund.Features.Projects;

/// <summary>API.md's body plus who applies (a team or social organization), for whom and the budget lines.</summary>
public sealed record ApplyProjectRequest(long? OrgUnitId, string? Title, string? Description, long? RequestedFen, string? Applicant = null, string? Beneficiaries = null, string? BudgetLines = null);

public sealed record ApproveProjectRequest(long? ApprovedFen);

public sealed record RejectProjectRequest(string? Reason);

/// <summary>What was done, how many were served, photos already stored (plat_files ids in the project's scope).</summary>
public sealed record OutcomeRequest(string? Summary, int? PeopleServed, IReadOnlyList<long>? PhotoFileIds = null);

public sealed record ListProjectsRequest
{
    public long? OrgUnitId { get; set; }

    public ProjectStatus? Status { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// Projects from application to close (RULES.md): applied by a unit or team, reviewed by the center — by another
/// person than the one who applied —, approved with a budget no larger than requested, paid (PaymentsHandler),
/// outcome reported, closed. A team leader sees the projects they applied for; overseers those of their subtree.
/// </summary>
public sealed class ProjectsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IFileStore files, TimeProvider clock)
{
    public const int MaxPhotos = 6;

    public async Task<Result<ProjectDto>> ApplyAsync(ApplyProjectRequest request, CancellationToken ct)
    {
        if (FundAccess.RequireApplicant(actor) is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        var orgUnitId = request.OrgUnitId ?? (actor.IsAdmin ? null : actor.OrgUnitId);
        if (orgUnitId is null)
        {
            fields.AddRequired("orgUnitId", "Fund.field.orgUnitId");
        }

        Text(fields, "title", request.Title, FundProject.MaxTitleLength, required: true);
        Text(fields, "description", request.Description, FundProject.MaxTextLength, required: true);
        Text(fields, "applicant", request.Applicant, FundProject.MaxTitleLength, required: false);
        Text(fields, "beneficiaries", request.Beneficiaries, FundProject.MaxShortLength, required: false);
        Text(fields, "budgetLines", request.BudgetLines, FundProject.MaxTextLength, required: false);
        FundAccess.CheckAmount(fields, "requestedFen", request.RequestedFen);
        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await orgs.FindAsync(orgUnitId!.Value, ct) is not { CountyId: { } countyId } unit || unit.Status != OrgUnitStatus.Active)
        {
            return Error.NotFound("org.not_found");
        }

        var project = FundProject.Apply(countyId, unit.Id, request.Title!, request.Description!, request.Applicant, request.Beneficiaries, request.BudgetLines,
            request.RequestedFen!.Value, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        db.Add(project);
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(project);
    }

    public async Task<Result<ProjectDto>> ApproveAsync(long id, ApproveProjectRequest request, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        var fields = new FieldErrors();
        FundAccess.CheckAmount(fields, "approvedFen", request.ApprovedFen);
        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (await ReviewableAsync(id, ct) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        var project = (await db.Set<FundProject>().SingleAsync(p => p.Id == id, ct))!;
        if (request.ApprovedFen > project.RequestedFen)
        {
            return FieldErrors.One("approvedFen", "project.approved_above_requested", "Fund.error.approved_above_requested", Yuan.Format(project.RequestedFen));
        }

        project.Approve(request.ApprovedFen!.Value, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        return await SaveReviewAsync(project, ct);
    }

    public async Task<Result<ProjectDto>> RejectAsync(long id, RejectProjectRequest request, CancellationToken ct)
    {
        if (FundAccess.RequireTreasurer(actor) is { } forbidden)
        {
            return forbidden;
        }

        if (FundAccess.CheckReason(request.Reason) is { } invalid)
        {
            return invalid;
        }

        if (await ReviewableAsync(id, ct) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        var project = await db.Set<FundProject>().SingleAsync(p => p.Id == id, ct);
        project.Reject(request.Reason!, actor.UserId, actor.Login, clock.GetUtcNow().UtcDateTime);
        return await SaveReviewAsync(project, ct);
    }

    public async Task<Result<ProjectDto>> ReportOutcomeAsync(long id, OutcomeRequest request, CancellationToken ct)
    {
        if (await VisibleAsync(id, ct) is not { } project)
        {
            return FundErrors.ProjectNotFound();
        }

        if (!CanReport(project))
        {
            return Error.Forbidden();
        }

        var fields = new FieldErrors();
        Text(fields, "summary", request.Summary, FundProject.MaxTextLength, required: true);
        if (request.PeopleServed is not { } served)
        {
            fields.AddRequired("peopleServed", "Fund.field.peopleServed");
        }
        else if (served is < 0 or > 1_000_000)
        {
            fields.Add("peopleServed", "Fund.error.people_range");
        }

        var photos = (request.PhotoFileIds ?? []).Distinct().ToList();
        if (photos.Count > MaxPhotos)
        {
            fields.Add("photoFileIds", "Fund.error.too_many_photos", MaxPhotos);
        }
        else if (photos.Count > 0)
        {
            var found = await files.DescribeAsync(photos, ct);
            if (photos.Any(p => !found.TryGetValue(p, out var f) || !f.IsImage))
            {
                fields.Add("photoFileIds", "Fund.error.photo_not_found");
            }
        }

        if (fields.ToError() is { } invalid)
        {
            return invalid;
        }

        if (project.Status != ProjectStatus.Approved)
        {
            return FundErrors.WrongState(project.Status);
        }

        var tracked = await db.Set<FundProject>().SingleAsync(p => p.Id == id, ct);
        tracked.ReportOutcome(request.Summary!, request.PeopleServed!.Value, photos, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ProjectDto.From(tracked);
    }

    /// <summary>
    /// The outcome with photos uploaded with it (the page's form): each photo is stored under the project's unit and
    /// saved first, since its id goes on the outcome; a refused photo refuses the whole outcome.
    /// </summary>
    public async Task<Result<ProjectDto>> ReportOutcomeWithPhotosAsync(long id, string? summary, int? peopleServed, IReadOnlyList<(string FileName, Stream Content)> photos, CancellationToken ct)
    {
        if (await VisibleAsync(id, ct) is not { } project)
        {
            return FundErrors.ProjectNotFound();
        }

        if (!CanReport(project))
        {
            return Error.Forbidden();
        }

        if (photos.Count > MaxPhotos)
        {
            return FieldErrors.One("photos", "project.too_many_photos", "Fund.error.too_many_photos", MaxPhotos);
        }

        var ids = new List<long>();
        foreach (var (fileName, content) in photos)
        {
            var stored = await files.AddAsync(fileName, content, project.OrgUnitId, ct, "photos");
            if (!stored.IsSuccess)
            {
                return stored.Error!;
            }

            await db.SaveChangesAsync(ct);
            ids.Add(stored.Value.Id);
        }

        return await ReportOutcomeAsync(id, new OutcomeRequest(summary, peopleServed, ids), ct);
    }

    /// <summary>Closes an approved project once its outcome is reported; no payment after that.</summary>
    public async Task<Result<ProjectDto>> CloseAsync(long id, CancellationToken ct)
    {
        if (await VisibleAsync(id, ct) is not { } project)
        {
            return FundErrors.ProjectNotFound();
        }

        if (!CanReport(project) && !FundAccess.IsTreasurer(actor))
        {
            return Error.Forbidden();
        }

        if (project.Status != ProjectStatus.Approved)
        {
            return FundErrors.WrongState(project.Status);
        }

        if (project.OutcomeSummary is null)
        {
            return FundErrors.OutcomeMissing();
        }

        // Conditional, so a payment and the close at the same moment are ordered by the row: the close sees the paid total.
        var now = clock.GetUtcNow().UtcDateTime;
        var tracked = await db.Set<FundProject>().SingleAsync(p => p.Id == id, ct);
        tracked.Close(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FundErrors.WrongState(ProjectStatus.Closed);
        }

        return ProjectDto.From(tracked);
    }

    public async Task<Result<ProjectDto>> GetAsync(long id, CancellationToken ct) =>
        await VisibleAsync(id, ct) is { } project ? ProjectDto.From(project) : FundErrors.ProjectNotFound();

    public async Task<Result<PageOf<ProjectDto>>> ListAsync(ListProjectsRequest request, CancellationToken ct)
    {
        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } bad)
        {
            return bad;
        }

        var (query, error) = await QueryAsync(request.OrgUnitId, request.Status, ct);
        if (query is null)
        {
            return error!;
        }

        var page = await query.OrderByDescending(p => p.Id).ToPageAsync(paging, ct);
        return new PageOf<ProjectDto>([.. page.Items.Select(ProjectDto.From)], page.Page, page.PageSize, page.Total);
    }

    public async Task<(IQueryable<FundProject>? Query, Error? Error)> QueryAsync(long? orgUnitId, ProjectStatus? status, CancellationToken ct)
    {
        if (!actor.IsAdmin && !actor.Has(Role.Supervisor) && !actor.Has(Role.TeamLeader))
        {
            return (null, Error.Forbidden());
        }

        var query = db.Set<FundProject>().AsNoTracking();
        if (!actor.IsAdmin && !actor.Has(Role.Supervisor))
        {
            query = query.Where(p => p.AppliedByUserId == actor.UserId);
        }

        if (status is { } only)
        {
            query = query.Where(p => p.Status == only);
        }

        if (orgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return (null, Error.NotFound("org.not_found"));
            }

            query = query.Where(p => under.Contains(p.OrgUnitId));
        }

        return (query, null);
    }

    /// <summary>A project in the caller's subtree (a team leader: one they applied for).</summary>
    public async Task<FundProject?> VisibleAsync(long id, CancellationToken ct)
    {
        var (query, _) = await QueryAsync(null, null, ct);
        return query is null ? null : await query.SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>The applying side reports: the one who applied, or an admin of the project's subtree.</summary>
    public bool CanReport(FundProject project) => project.AppliedByUserId == actor.UserId || actor.IsAdmin;

    private async Task<Result<bool>> ReviewableAsync(long id, CancellationToken ct)
    {
        if (await VisibleAsync(id, ct) is not { } project)
        {
            return FundErrors.ProjectNotFound();
        }

        if (project.AppliedByUserId == actor.UserId)
        {
            return FundErrors.OwnApplication();
        }

        return project.Status == ProjectStatus.Applied ? true : FundErrors.WrongState(project.Status);
    }

    private async Task<Result<ProjectDto>> SaveReviewAsync(FundProject project, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FundErrors.WrongState(ProjectStatus.Approved);
        }

        return ProjectDto.From(project);
    }

    private static void Text(FieldErrors fields, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                fields.AddRequired(field, "Fund.field." + field);
            }
        }
        else if (value.Trim().Length > max)
        {
            fields.AddTooLong(field, "Fund.field." + field, max);
        }
    }
}
