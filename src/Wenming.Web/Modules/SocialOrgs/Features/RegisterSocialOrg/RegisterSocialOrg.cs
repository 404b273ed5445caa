using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features.RegisterSocialOrg;

/// <param name="OrgUnitId">The registering unit; by default the caller's own (the county center).</param>
public sealed record RegisterSocialOrgRequest(
    string? Name, SocialOrgKind? Kind, string? CreditCode = null, string? ServiceFields = null, string? ContactName = null,
    string? ContactPhone = null, string? Address = null, bool? IsFederationMember = null, long? OrgUnitId = null) : ISocialOrgFields;

public sealed class RegisterSocialOrgHandler(AppDbContext db, CurrentActor actor, IOrgDirectory orgs, TimeProvider clock)
{
    public async Task<Result<SocialOrgDto>> HandleAsync(RegisterSocialOrgRequest request, CancellationToken ct)
    {
        if (actor.RequireRegistrar() is { } forbidden)
        {
            return forbidden;
        }

        if (Validation.Check(SocialOrgFieldsValidator.Instance, request) is { } invalid)
        {
            return invalid;
        }

        var unitId = request.OrgUnitId ?? actor.OrgUnitId;
        var unit = unitId is { } id ? await orgs.FindAsync(id, ct) : null;
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (unit.CountyId is not { } countyId || unit.Status != OrgUnitStatus.Active)
        {
            return Error.Field("orgUnitId", "socialorg.unit_not_allowed");
        }

        var details = SocialOrgFieldsValidator.ToDetails(request);
        if (await SocialOrgUniqueness.ConflictAsync(db, countyId, details, exceptId: null, ct) is { } conflict)
        {
            return conflict;
        }

        var org = SocialOrganization.Register(countyId, unit.Id, details, clock.GetUtcNow().UtcDateTime);
        db.Add(org);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent registration won the unique index.
            return Error.Conflict("socialorg.duplicate_name");
        }

        return SocialOrgDto.From(org, []);
    }
}

internal static class SocialOrgUniqueness
{
    /// <summary>Names and credit codes are unique per county, whoever can see the other record.</summary>
    public static async Task<Error?> ConflictAsync(AppDbContext db, long countyId, SocialOrgDetails details, long? exceptId, CancellationToken ct)
    {
        var others = db.Set<SocialOrganization>().Unscoped(because: Why.Uniqueness).Where(o => o.CountyId == countyId && o.Id != exceptId);
        if (await others.AnyAsync(o => o.Name == details.Name, ct))
        {
            return Error.Conflict("socialorg.duplicate_name");
        }

        if (details.CreditCode is { } code && await others.AnyAsync(o => o.CreditCode == code, ct))
        {
            return Error.Conflict("socialorg.duplicate_credit_code");
        }

        return null;
    }
}
