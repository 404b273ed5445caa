using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Accounts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Statement;

/// <summary>
/// One movement as the API shows it. <c>source</c> is the posting's source key (<c>service-record:42</c>,
/// <c>award:7</c>, <c>reversal:15</c> …), stable and unique per person.
/// </summary>
public sealed record PointTransactionDto(
    long Id, long PersonId, string? PersonName, long Amount, PointKind Kind, string KindLabel, long BalanceAfter, string Source, string Reason,
    DateTimeOffset At, string? ByName, long? ReversesTransactionId, long? ReversedByTransactionId, bool Reversible);

/// <summary>The admins' ledger: movements of the subtree, by unit (subtree), person, kind and China-time dates.</summary>
public sealed record LedgerRequest
{
    public long? OrgUnitId { get; set; }

    public long? PersonId { get; set; }

    public PointKind? Kind { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>A person's statement and the admins' ledger of their subtree, newest first in ledger order (by id: the order the balances were computed in).</summary>
public sealed class StatementHandler(AppDbContext db, CurrentActor actor, PointsReadAccess access, IPeopleDirectory people, IOrgDirectory orgs)
{
    public async Task<Result<PageOf<PointTransactionDto>>> ForPersonAsync(long personId, PageRequest paging, CancellationToken ct)
    {
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        var readable = await access.PersonAsync(personId, ct);
        if (!readable.IsSuccess)
        {
            return readable.Error!;
        }

        // The whole statement, whichever unit the person belonged to at the time: seeing the person means seeing it.
        var query = db.Set<PointTransaction>().Unscoped(because: Why.OwnRecords).AsNoTracking().Where(t => t.PersonId == personId);
        var names = new Dictionary<long, string> { [personId] = readable.Value.Name };
        return await PageAsync(query, paging, names, ct);
    }

    public async Task<Result<PageOf<PointTransactionDto>>> LedgerAsync(LedgerRequest request, CancellationToken ct)
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

        var (query, error) = await LedgerQueryAsync(request, ct);
        if (query is null)
        {
            return error!;
        }

        var page = await PageAsync(query, paging, null, ct);
        return page;
    }

    /// <summary>The ledger's filters (the export uses the same): the caller's subtree always, then unit, person, kind, dates.</summary>
    internal async Task<(IQueryable<PointTransaction>? Query, Error? Error)> LedgerQueryAsync(LedgerRequest request, CancellationToken ct)
    {
        if (request.From is { } f && request.To is { } t && f > t)
        {
            return (null, Error.Field("to", "Points.error.dates_reversed"));
        }

        var query = db.Set<PointTransaction>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
            {
                return (null, Error.NotFound("org.not_found"));
            }

            query = query.Where(x => unitIds.Contains(x.OrgUnitId));
        }

        if (request.PersonId is { } personId)
        {
            query = query.Where(x => x.PersonId == personId);
        }

        if (request.Kind is { } kind)
        {
            query = query.Where(x => x.Kind == kind);
        }

        // Dates are China dates (UTC+8): the day starts at 16:00 UTC the day before.
        if (request.From is { } from)
        {
            var start = ChinaDayStartUtc(from);
            query = query.Where(x => x.At >= start);
        }

        if (request.To is { } to)
        {
            var end = ChinaDayStartUtc(to.AddDays(1));
            query = query.Where(x => x.At < end);
        }

        return (query, null);
    }

    internal static DateTime ChinaDayStartUtc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Text.ChinaOffset, DateTimeKind.Utc);

    internal static bool IsReversible(PointKind kind) => kind is not (PointKind.Redemption or PointKind.RedemptionRefund or PointKind.Reversal);

    /// <summary>
    /// Reads the rows of a (scoped) query, then which rows reversed them. The reversal may have been booked
    /// in another unit (the person moved), so that look-up reads past the scope, keyed by the ids just read:
    /// a separate query, because IgnoreQueryFilters() inside the first would lift the scope of the whole
    /// list (<see cref="ScopeLiftGuard"/>).
    /// </summary>
    internal async Task<List<PointTransactionRow>> RowsAsync(IQueryable<PointTransaction> query, CancellationToken ct)
    {
        var rows = await query
            .Select(t => new PointTransactionRow(t.Id, t.PersonId, t.OrgUnitId, t.Amount, t.Kind, t.BalanceAfter, t.SourceKey, t.Reason, t.At, t.ByName, t.ReversesTransactionId, null))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(r => (long?)r.Id).ToList();
        var reversals = await db.Set<PointTransaction>().Unscoped(because: Why.CrossUnitReference).AsNoTracking()
            .Where(r => ids.Contains(r.ReversesTransactionId))
            .Select(r => new { r.Id, Reverses = r.ReversesTransactionId!.Value })
            .ToListAsync(ct);
        var reversedBy = reversals.GroupBy(r => r.Reverses).ToDictionary(g => g.Key, g => g.Min(r => r.Id));
        return [.. rows.Select(r => reversedBy.TryGetValue(r.Id, out var by) ? r with { ReversedBy = by } : r)];
    }

    internal static PointTransactionDto ToDto(PointTransactionRow t, string? personName) => new(
        t.Id, t.PersonId, personName, t.Amount, t.Kind, PointKindLabels.Of(t.Kind), t.BalanceAfter, t.SourceKey, t.Reason, Text.ToChinaTime(t.At), t.ByName,
        t.ReversesTransactionId, t.ReversedBy, t.ReversedBy is null && t.Amount != 0 && IsReversible(t.Kind));

    private async Task<PageOf<PointTransactionDto>> PageAsync(
        IQueryable<PointTransaction> query, PageRequest paging, IReadOnlyDictionary<long, string>? names, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var rows = await RowsAsync(query.OrderByDescending(t => t.Id).Skip(paging.Skip).Take(paging.SafePageSize), ct);
        names ??= await people.NamesAsync([.. rows.Select(r => r.PersonId).Distinct()], ct);
        return new PageOf<PointTransactionDto>([.. rows.Select(r => ToDto(r, names.GetValueOrDefault(r.PersonId)))], paging.SafePage, paging.SafePageSize, total);
    }
}

internal sealed record PointTransactionRow(
    long Id, long PersonId, long OrgUnitId, long Amount, PointKind Kind, long BalanceAfter, string SourceKey, string Reason, DateTime At, string? ByName,
    long? ReversesTransactionId, long? ReversedBy);
