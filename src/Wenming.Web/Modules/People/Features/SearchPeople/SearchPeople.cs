using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;
using Wenming.Web.Platform.Security;

namespace Wenming.Web.Modules.People.Features.SearchPeople;

public sealed record SearchPeopleRequest
{
    public string? Q { get; set; }

    public long? OrgUnitId { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>
/// Finds people in the caller's subtree by name, mobile number or a whole ID number (matched by
/// its keyed hash, so the ID number is never compared in clear).
/// </summary>
public sealed class SearchPeopleHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, PiiProtector pii, TimeProvider clock)
{
    // The list with no search and no unit chosen is the station admin's most used page (issue 19): compiled.
    private static readonly CompiledPerModel<Func<AppDbContext, CancellationToken, Task<int>>> CountAll = new(_ =>
        EF.CompileAsyncQuery((AppDbContext db, CancellationToken ct) => db.Set<Person>().Count()));

    private static readonly CompiledPerModel<Func<AppDbContext, int, int, IAsyncEnumerable<PersonDto>>> PageOfAll = new(_ =>
        EF.CompileAsyncQuery((AppDbContext db, int skip, int take) => db.Set<Person>().OrderBy(p => p.Id).Skip(skip).Take(take).Select(PersonDto.Columns)));

    public async Task<Result<PageOf<PersonDto>>> HandleAsync(SearchPeopleRequest request, CancellationToken ct)
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

        if (request.OrgUnitId is null && string.IsNullOrWhiteSpace(request.Q))
        {
            var total = await CountAll.For(db)(db, ct);
            var all = await PageOfAll.For(db)(db, paging.Skip, paging.SafePageSize).ToListAsync(ct);
            return new PageOf<PersonDto>(all, paging.SafePage, paging.SafePageSize, total);
        }

        var query = db.Set<Person>().AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(p => unitIds.Contains(p.OrgUnitId));
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();
            var asId = ChineseIdNumber.Parse(q, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (asId.IsSuccess)
            {
                var hash = pii.Hash(asId.Value.Value);
                query = query.Where(p => p.IdNumberHash == hash);
            }
            else
            {
                var like = QueryExtensions.LikeContains(q);
                query = query.Where(p => EF.Functions.Like(p.Name, like, "\\") || p.Phone == q);
            }
        }

        return await query.OrderBy(p => p.Id).Select(PersonDto.Columns).ToPageAsync(paging, ct);
    }
}
