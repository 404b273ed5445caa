using System.ComponentModel;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Audit.Features.BrowseAudit;

public sealed record BrowseAuditRequest
{
    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public long? UserId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

public sealed record AuditEntryDto(long Id, DateTimeOffset At, long? UserId, string? Login, string? IpAddress, AuditAction Action, string EntityType, string EntityId, long OrgUnitId, JsonElement Changes);

/// <summary>The audit log of the caller's subtree, newest first.</summary>
public sealed class BrowseAuditHandler(AppDbContext db, CurrentActor actor)
{
    public async Task<Result<PageOf<AuditEntryDto>>> HandleAsync(BrowseAuditRequest request, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.EntityType))
        {
            query = query.Where(a => a.EntityType == request.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(request.EntityId))
        {
            query = query.Where(a => a.EntityId == request.EntityId);
        }

        if (request.UserId is { } userId)
        {
            query = query.Where(a => a.UserId == userId);
        }

        // Dates are China dates; the log keeps UTC.
        if (request.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue) - Text.ChinaOffset;
            query = query.Where(a => a.At >= start);
        }

        if (request.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue) - Text.ChinaOffset;
            query = query.Where(a => a.At < end);
        }

        var page = await query.OrderByDescending(a => a.Id).ToPageAsync(paging, ct);
        var items = page.Items.Select(a => new AuditEntryDto(
            a.Id, Text.ToChinaTime(a.At), a.UserId, a.Login, a.IpAddress, a.Action, a.EntityType, a.EntityId, a.OrgUnitId,
            JsonDocument.Parse(a.Changes).RootElement.Clone())).ToList();
        return new PageOf<AuditEntryDto>(items, page.Page, page.PageSize, page.Total);
    }
}
