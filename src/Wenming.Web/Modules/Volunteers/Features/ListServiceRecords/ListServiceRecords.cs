using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;

public sealed record VolunteerServiceRecordsRequest
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <param name="ActivityId">Only the records an activity's finishing made (for 全部确认 after an activity).</param>
public sealed record ServiceRecordReportRequest
{
    public long? OrgUnitId { get; set; }

    public ServiceRecordStatus? Status { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }

    public long? ActivityId { get; set; }
}

/// <summary>A page of records plus the sum of the hours of every record matching the filter (not only this page).</summary>
public sealed record ServiceRecordPage(IReadOnlyList<ServiceRecordDto> Items, int Page, int PageSize, int Total, decimal TotalHours);

/// <summary>
/// A volunteer's service history (the volunteer, or an overseer of their subtree) and the admins' hours
/// report by unit subtree, status and date range. Newest service first.
/// </summary>
public sealed class ListServiceRecordsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs)
{
    public async Task<Result<ServiceRecordPage>> ForVolunteerAsync(long volunteerId, VolunteerServiceRecordsRequest request, CancellationToken ct)
    {
        var volunteer = await ServiceRecordAccess.ReadableVolunteerAsync(db, actor, volunteerId, ct);
        if (volunteer is null)
        {
            return Error.NotFound("volunteer.not_found");
        }

        // The whole history, whichever unit recorded it: seeing the volunteer means seeing their record.
        var query = db.Set<ServiceRecord>().Unscoped(because: Why.CrossUnitReference).AsNoTracking().Where(r => r.VolunteerId == volunteer.Id);
        return await PageAsync(Dated(query, request.From, request.To), new PageRequest { Page = request.Page, PageSize = request.PageSize }, confirmedOnlyTotal: true, ct);
    }

    public async Task<Result<ServiceRecordPage>> ReportAsync(ServiceRecordReportRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var (query, error) = await ReportQueryAsync(request, ct);
        if (error is not null)
        {
            return error;
        }

        return await PageAsync(query!, new PageRequest { Page = request.Page, PageSize = request.PageSize }, confirmedOnlyTotal: request.Status is null, ct);
    }

    /// <summary>The report's filters (the export uses the same ones): unit subtree, status, service dates.</summary>
    internal async Task<(IQueryable<ServiceRecord>? Query, Error? Error)> ReportQueryAsync(ServiceRecordReportRequest request, CancellationToken ct)
    {
        var query = db.Set<ServiceRecord>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
            {
                return (null, Error.NotFound("org.not_found"));
            }

            query = query.Where(r => unitIds.Contains(r.OrgUnitId));
        }

        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (request.ActivityId is { } activityId)
        {
            query = query.Where(r => r.SourceKind == ServiceSourceKind.Activity && r.SourceId == activityId);
        }

        return (Dated(query, request.From, request.To), null);
    }

    private static IQueryable<ServiceRecord> Dated(IQueryable<ServiceRecord> query, DateOnly? from, DateOnly? to)
    {
        if (from is { } f)
        {
            query = query.Where(r => r.ServiceDate >= f);
        }

        if (to is { } t)
        {
            query = query.Where(r => r.ServiceDate <= t);
        }

        return query;
    }

    private async Task<Result<ServiceRecordPage>> PageAsync(IQueryable<ServiceRecord> query, PageRequest paging, bool confirmedOnlyTotal, CancellationToken ct)
    {
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        // Hours count only once confirmed; with an explicit status filter the sum is of that status.
        var counted = confirmedOnlyTotal ? query.Where(r => r.Status == ServiceRecordStatus.Confirmed) : query;
        var minutes = await counted.SumAsync(r => (long)r.Minutes, ct);
        var page = await query.OrderByDescending(r => r.ServiceDate).ThenByDescending(r => r.Id).ToPageAsync(paging, ct);
        return new ServiceRecordPage(await ServiceRecordDto.ManyAsync(db, page.Items, ct), page.Page, page.PageSize, page.Total, ServiceHours.ToHours(minutes));
    }
}
