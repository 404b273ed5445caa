using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Modules.SocialOrgs.Features.PairVillage;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.EndPairing;

/// <param name="EndedOn">Defaults to today (China time).</param>
public sealed record EndPairingRequest(DateOnly? EndedOn = null);

/// <summary>Ends a pairing; the row stays as the record of the help given.</summary>
public sealed class EndPairingHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<Result<PairingDto>> HandleAsync(long pairingId, EndPairingRequest request, CancellationToken ct)
    {
        if (actor.RequirePairingAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var pairing = await db.Set<Pairing>().SingleOrDefaultAsync(p => p.Id == pairingId, ct);
        if (pairing is null)
        {
            return Error.NotFound("socialorg.pairing_not_found");
        }

        if (!pairing.IsActive)
        {
            return Error.Conflict("socialorg.pairing_ended");
        }

        var endedOn = request.EndedOn ?? SocialOrgDates.Today(clock.GetUtcNow().UtcDateTime);
        if (endedOn < pairing.StartedOn)
        {
            return Error.Field("endedOn", "socialorg.ended_before_start");
        }

        pairing.End(endedOn);
        await db.SaveChangesAsync(ct);
        return (await PairingNames.DescribeAsync(db, orgs, [pairing], ct))[0];
    }
}
