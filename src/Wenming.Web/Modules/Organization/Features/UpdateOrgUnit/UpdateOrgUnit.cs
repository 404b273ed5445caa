using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Organization.Features.UpdateOrgUnit;

public sealed record UpdateOrgUnitRequest(
    string? Name, string? Address = null, double? Latitude = null, double? Longitude = null, string? ContactName = null, string? ContactPhone = null);

public sealed class UpdateOrgUnitValidator : AbstractValidator<UpdateOrgUnitRequest>
{
    public UpdateOrgUnitValidator()
    {
        RuleFor(r => r.Name).RequiredText("name", 100);
        RuleFor(r => r.Address).OptionalText("address", 200);
        RuleFor(r => r.ContactName).OptionalText("contactName", 50);
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90).WithMessage(_ => Text.Get("org.latitude_range"));
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180).WithMessage(_ => Text.Get("org.longitude_range"));
    }
}

/// <summary>Renames a unit or changes its address, location and contact.</summary>
public sealed class UpdateOrgUnitHandler(AppDbContext db, CurrentActor actor)
{
    private static readonly UpdateOrgUnitValidator Validator = new();

    public async Task<Result<OrgUnitDto>> HandleAsync(long id, UpdateOrgUnitRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Error.NotFound("org.not_found");
        }

        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        unit.Describe(request.Name!, request.Address, request.Latitude, request.Longitude, request.ContactName, request.ContactPhone);
        await db.SaveChangesAsync(ct);
        return OrgUnitDto.From(unit);
    }
}
