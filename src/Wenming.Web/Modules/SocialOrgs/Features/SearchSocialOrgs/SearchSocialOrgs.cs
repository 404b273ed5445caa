using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.SearchSocialOrgs;

/// <param name="Q">Part of the name, or a whole credit code.</param>
/// <param name="Federation">true: only members of the volunteer federation (the federation's own list).</param>
public sealed record SearchSocialOrgsRequest
{
    public string? Q { get; set; }

    public SocialOrgKind? Kind { get; set; }

    public bool? Federation { get; set; }

    public SocialOrgStatus? Status { get; set; }

    [DefaultValue(1)]
    public int? Page { get; set; }

    [DefaultValue(20)]
    public int? PageSize { get; set; }
}

public sealed class SearchSocialOrgsHandler(AppDbContext db, CurrentActor actor)
{
    public async Task<Result<PageOf<SocialOrgDto>>> HandleAsync(SearchSocialOrgsRequest request, CancellationToken ct)
    {
        if (actor.RequireReader() is { } forbidden)
        {
            return forbidden;
        }

        var paging = new PageRequest { Page = request.Page, PageSize = request.PageSize };
        if (paging.Check() is { } invalid)
        {
            return invalid;
        }

        var query = SocialOrgQueries.Readable(db, actor).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();
            var code = q.ToUpperInvariant();
            var like = QueryExtensions.LikeContains(q);
            query = query.Where(o => EF.Functions.Like(o.Name, like, "\\") || o.CreditCode == code);
        }

        if (request.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (request.Federation is { } federation)
        {
            query = query.Where(o => o.IsFederationMember == federation);
        }

        if (request.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        var page = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).ToPageAsync(paging, ct);
        return new PageOf<SocialOrgDto>(page.Items.Select(o => SocialOrgDto.From(o)).ToList(), page.Page, page.PageSize, page.Total);
    }
}
