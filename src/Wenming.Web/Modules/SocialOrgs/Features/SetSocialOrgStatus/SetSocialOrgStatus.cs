using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.SetSocialOrgStatus;

/// <summary>
/// Deactivating keeps the organization and its pairing history; it only stops new pairings.
/// Setting the status it already has is a no-op, so a retried request is harmless.
/// </summary>
public sealed class SetSocialOrgStatusHandler(AppDbContext db, CurrentActor actor)
{
    public async Task<Result<SocialOrgDto>> HandleAsync(long id, SocialOrgStatus status, CancellationToken ct)
    {
        if (actor.RequireRegistrar() is { } forbidden)
        {
            return forbidden;
        }

        var org = await db.Set<SocialOrganization>().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
        {
            return Error.NotFound("socialorg.not_found");
        }

        if (org.Status != status)
        {
            org.SetStatus(status);
            await db.SaveChangesAsync(ct);
        }

        return SocialOrgDto.From(org);
    }
}
