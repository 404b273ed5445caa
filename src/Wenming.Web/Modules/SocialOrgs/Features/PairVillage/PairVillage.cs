using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.PairVillage;

/// <param name="StartedOn">Defaults to today (China time).</param>
public sealed record PairVillageRequest(long? VillageUnitId, DateOnly? StartedOn = null, string? Content = null);

/// <summary>
/// 结对: an organization takes on a village. An organization may help several villages and a village
/// may have several helpers, but one pair has at most one active pairing.
/// </summary>
public sealed class PairVillageHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<Result<PairingDto>> HandleAsync(long socialOrgId, PairVillageRequest request, CancellationToken ct)
    {
        if (actor.RequirePairingAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var org = await SocialOrgQueries.Readable(db, actor).AsNoTracking().SingleOrDefaultAsync(o => o.Id == socialOrgId, ct);
        if (org is null)
        {
            return Error.NotFound("socialorg.not_found");
        }

        var content = request.Content?.Trim() ?? "";
        if (request.VillageUnitId is null)
        {
            return Error.Field("villageUnitId", "validation.required", Text.Get("field.pairingVillage"));
        }

        if (content.Length == 0)
        {
            return Error.Field("content", "validation.required", Text.Get("field.pairingContent"));
        }

        if (content.Length > 500)
        {
            return Error.Field("content", "validation.too_long", Text.Get("field.pairingContent"), 500);
        }

        // The village must be in the caller's subtree: outside it, it does not exist for them (404).
        var village = await orgs.FindAsync(request.VillageUnitId.Value, ct);
        if (village is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (village.Level != OrgLevel.Village || village.Status != OrgUnitStatus.Active || village.CountyId != org.CountyId)
        {
            return Error.Field("villageUnitId", "socialorg.not_a_village");
        }

        if (org.Status != SocialOrgStatus.Active)
        {
            return Error.Conflict("socialorg.inactive");
        }

        if (await db.Set<Pairing>().AnyAsync(p => p.SocialOrganizationId == org.Id && p.OrgUnitId == village.Id && p.EndedOn == null, ct))
        {
            return Error.Conflict("socialorg.already_paired");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var pairing = Pairing.Start(org.CountyId, village.Id, org.Id, request.StartedOn ?? SocialOrgDates.Today(now), content, now);
        db.Add(pairing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent request paired the same two first: the filtered unique index refused this one.
            return Error.Conflict("socialorg.already_paired");
        }

        return PairingDto.From(pairing, org.Name, village.Name);
    }
}

internal static class SocialOrgDates
{
    /// <summary>Pairings are dated by the calendar day in China, not in UTC.</summary>
    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(Text.ToChinaTime(utcNow).DateTime);
}
