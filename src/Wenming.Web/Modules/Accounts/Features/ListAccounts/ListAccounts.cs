using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Accounts.Data;
using Wenming.Web.Modules.Accounts.Features.SignIn;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Accounts.Features.ListAccounts;

public sealed record ListAccountsRequest
{
    public string? Q { get; set; }

    public Role? Role { get; set; }

    public long? OrgUnitId { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

/// <summary>Accounts bound to units of the caller's subtree.</summary>
public sealed class ListAccountsHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, SignInThrottle throttle, TimeProvider clock)
{
    public async Task<Result<PageOf<AccountDto>>> HandleAsync(ListAccountsRequest request, CancellationToken ct)
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

        var query = db.Users.AsNoTracking();
        if (request.OrgUnitId is { } unitId)
        {
            if (await orgs.UnitIdsUnderAsync(unitId, ct) is not { } unitIds)
            {
                return Error.NotFound("org.not_found");
            }

            query = query.Where(u => unitIds.Contains(u.OrgUnitId));
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var like = QueryExtensions.LikeContains(request.Q.Trim());
            query = query.Where(u => EF.Functions.Like(u.UserName!, like, "\\") || EF.Functions.Like(u.DisplayName, like, "\\"));
        }

        if (request.Role is { } role)
        {
            var name = role.ToString();
            query = query.Where(u => ("," + u.RoleList + ",").Contains("," + name + ","));
        }

        var page = await query.OrderBy(u => u.Id).ToPageAsync(paging, ct);
        var now = clock.GetUtcNow();
        var waiting = await throttle.WaitingAsync([.. page.Items.Select(u => u.Id)], ct);
        return new PageOf<AccountDto>(page.Items.Select(u => AccountDto.From(u, now, waiting.Contains(u.Id))).ToList(), page.Page, page.PageSize, page.Total);
    }
}
