using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Modules.SocialOrgs.Features.GetSocialOrg;
using Wenming.Web.Modules.SocialOrgs.Features.RegisterSocialOrg;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.UpdateSocialOrg;

public sealed record UpdateSocialOrgRequest(
    string? Name, SocialOrgKind? Kind, string? CreditCode = null, string? ServiceFields = null, string? ContactName = null,
    string? ContactPhone = null, string? Address = null, bool? IsFederationMember = null) : ISocialOrgFields;

public sealed class UpdateSocialOrgHandler(AppDbContext db, CurrentActor actor, GetSocialOrgHandler get)
{
    public async Task<Result<SocialOrgDto>> HandleAsync(long id, UpdateSocialOrgRequest request, CancellationToken ct)
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

        if (Validation.Check(SocialOrgFieldsValidator.Instance, request) is { } invalid)
        {
            return invalid;
        }

        var details = SocialOrgFieldsValidator.ToDetails(request);
        if (await SocialOrgUniqueness.ConflictAsync(db, org.CountyId, details, org.Id, ct) is { } conflict)
        {
            return conflict;
        }

        org.Update(details);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("socialorg.duplicate_name");
        }

        return await get.HandleAsync(id, ct);
    }
}
