using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Data;
using Wenming.Web.Modules.Organization.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Organization.Features.CreateOrgUnit;

public sealed record CreateOrgUnitRequest(
    long? ParentId, OrgLevel? Level, string? Name, string? DivisionCode,
    string? Address = null, double? Latitude = null, double? Longitude = null, string? ContactName = null, string? ContactPhone = null);

public sealed class CreateOrgUnitValidator : AbstractValidator<CreateOrgUnitRequest>
{
    public CreateOrgUnitValidator()
    {
        RuleFor(r => r.Level).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.level")))
            .IsInEnum().WithMessage(_ => Text.Get("org.level_unknown"));
        RuleFor(r => r.Name).RequiredText("name", 100);
        RuleFor(r => r.Address).OptionalText("address", 200);
        RuleFor(r => r.ContactName).OptionalText("contactName", 50);
        RuleFor(r => r.Latitude).InclusiveBetween(-90, 90).WithMessage(_ => Text.Get("org.latitude_range"));
        RuleFor(r => r.Longitude).InclusiveBetween(-180, 180).WithMessage(_ => Text.Get("org.longitude_range"));
    }
}

/// <summary>Adds a unit under a parent in the caller's subtree (a village under a township, a point under a village …).</summary>
public sealed class CreateOrgUnitHandler(AppDbContext db, CurrentActor actor, OrgScope scope, TimeProvider clock)
{
    private static readonly CreateOrgUnitValidator Validator = new();

    public async Task<Result<OrgUnitDto>> HandleAsync(CreateOrgUnitRequest request, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (Validation.Check(Validator, request) is { } invalid)
        {
            return invalid;
        }

        OrgUnit? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == parentId, ct);
            if (parent is null)
            {
                return Error.NotFound("org.parent_not_found");
            }
        }
        else if (!scope.IsUnrestricted)
        {
            // Only a system admin may start a new tree (a city or a county of its own).
            return Error.Field("parentId", "org.parent_required");
        }

        var created = OrgUnit.Create(parent, request.Level!.Value, request.Name!, request.DivisionCode, clock.GetUtcNow().UtcDateTime);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        // Only a well-formed code can be "taken": format errors (400) come before the conflict (409).
        if (!string.IsNullOrEmpty(request.DivisionCode) && await db.OrgUnits.Unscoped(because: Why.Uniqueness).AnyAsync(u => u.DivisionCode == request.DivisionCode, ct))
        {
            return Error.Conflict("org.division_code_taken");
        }

        var unit = created.Value;
        unit.Describe(request.Name!, request.Address, request.Latitude, request.Longitude, request.ContactName, request.ContactPhone);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.OrgUnits.Add(unit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two admins racing for the same code: the unique index decides.
            return Error.Conflict("org.division_code_taken");
        }

        unit.AssignPath(parent?.Path);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return OrgUnitDto.From(unit);
    }
}
