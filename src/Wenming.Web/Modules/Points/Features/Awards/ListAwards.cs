using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Points.Features.Awards;

/// <summary><c>GET /api/v1/points/awards?status=&amp;orgUnitId=</c>.</summary>
public sealed record ListAwardsRequest
{
    public AwardStatus? Status { get; set; }

    public long? OrgUnitId { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary><c>GET /api/v1/points/notices?orgUnitId=</c>.</summary>
public sealed record ListNoticesRequest
{
    public long? OrgUnitId { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>Turns award rows into what the cadres see: the person's name and the evidence files.</summary>
public sealed class AwardReader(AppDbContext db, IPeopleDirectory people, IFileStore files)
{
    public async Task<AwardDto> DtoAsync(PointAward award, CancellationToken ct) => (await DtosAsync([award], ct))[0];

    public async Task<IReadOnlyList<AwardDto>> DtosAsync(IReadOnlyList<PointAward> awards, CancellationToken ct)
    {
        var ids = awards.Select(a => a.Id).ToList();
        var names = await people.NamesAsync([.. awards.Select(a => a.PersonId).Distinct()], ct);
        var evidence = await db.Set<PointAwardEvidence>().AsNoTracking().Where(e => ids.Contains(e.AwardId)).OrderBy(e => e.Id).ToListAsync(ct);
        var infos = await files.DescribeAsync([.. evidence.Select(e => e.FileId)], ct);
        var byAward = evidence.Where(e => infos.ContainsKey(e.FileId)).ToLookup(e => e.AwardId, e => AwardEvidenceDto.From(e, infos[e.FileId]));
        return [.. awards.Select(a => AwardDto.From(a, names.TryGetValue(a.PersonId, out var n) ? n : null, [.. byAward[a.Id]]))];
    }
}

/// <summary>
/// The cadres' lists (admins and supervisors of the subtree: the approval queue, the history) and the
/// public notice list (公示) that everyone signed in sees for the units in their scope — a resident their
/// village's. The context's scope filter decides which rows exist for the caller.
/// </summary>
public sealed class ListAwardsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, IPeopleDirectory people, AwardReader reader, TimeProvider clock)
{
    /// <summary>Credited awards stay on the notice list this long, so a village sees what was credited lately.</summary>
    public const int CreditedShownDays = 30;

    public async Task<Result<PageOf<AwardDto>>> ListAsync(ListAwardsRequest request, CancellationToken ct)
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

        var query = db.Set<PointAward>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(a => under.Contains(a.OrgUnitId));
        }

        if (request.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        var page = await query.OrderByDescending(a => a.ProposedAt).ThenByDescending(a => a.Id).ToPageAsync(paging, ct);
        return new PageOf<AwardDto>(await reader.DtosAsync(page.Items, ct), page.Page, page.PageSize, page.Total);
    }

    public async Task<Result<AwardDto>> GetAsync(long id, CancellationToken ct)
    {
        if (actor.RequireOverseer() is { } forbidden)
        {
            return forbidden;
        }

        var award = await db.Set<PointAward>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        return award is null ? AwardErrors.NotFound() : await reader.DtoAsync(award, ct);
    }

    /// <summary>
    /// Approved awards in their notice (or approved and waiting for the credit job), then the ones credited
    /// in the last <see cref="CreditedShownDays"/> days; newest decisions first. Revoked and rejected ones
    /// are not shown: they were never decided in public.
    /// </summary>
    public async Task<Result<PageOf<AwardNoticeDto>>> NoticesAsync(ListNoticesRequest request, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return Error.Forbidden();
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } badPage)
        {
            return badPage;
        }

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-CreditedShownDays);
        var query = db.Set<PointAward>().AsNoTracking()
            .Where(a => a.Status == AwardStatus.Approved || (a.Status == AwardStatus.Credited && a.CreditedAt >= since));
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } under)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(a => under.Contains(a.OrgUnitId));
        }

        var page = await query
            .OrderBy(a => a.Status == AwardStatus.Approved ? 0 : 1).ThenByDescending(a => a.DecidedAt).ThenByDescending(a => a.Id)
            .ToPageAsync(paging, ct);
        var names = await people.NamesAsync([.. page.Items.Select(a => a.PersonId).Distinct()], ct);
        var units = new Dictionary<long, string?>();
        foreach (var id in page.Items.Select(a => a.OrgUnitId).Distinct())
        {
            units[id] = (await orgs.FindAsync(id, ct))?.Name;
        }

        // Cadres keep full names (they decide on them anyway); everyone else reads 张*.
        var fullNames = actor.IsAdmin || actor.Has(Role.Supervisor);
        var items = page.Items.Select(a =>
        {
            var name = names.TryGetValue(a.PersonId, out var n) ? n : null;
            return new AwardNoticeDto(
                a.Id, fullNames && name is not null ? name : AwardLabels.MaskName(name), a.OrgUnitId, units[a.OrgUnitId], a.Points, a.Kind.ToString(),
                a.Category, AwardLabels.Category(a.Category), a.Reason, a.Status, AwardLabels.Status(a.Status),
                a.DecidedAt is { } d ? Platform.Localization.Text.ToChinaTime(d) : null,
                a.NoticeEndsAt is { } e ? Platform.Localization.Text.ToChinaTime(e) : null,
                a.CreditedAt is { } c ? Platform.Localization.Text.ToChinaTime(c) : null,
                a.AppliedPoints);
        }).ToList();
        return new PageOf<AwardNoticeDto>(items, page.Page, page.PageSize, page.Total);
    }
}
