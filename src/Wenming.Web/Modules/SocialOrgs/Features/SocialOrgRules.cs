using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Http;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.SocialOrgs.Features;

/// <summary>The editable fields shared by registering and editing an organization (page and API alike).</summary>
public interface ISocialOrgFields
{
    string? Name { get; }

    string? CreditCode { get; }

    SocialOrgKind? Kind { get; }

    string? ServiceFields { get; }

    string? ContactName { get; }

    string? ContactPhone { get; }

    string? Address { get; }

    bool? IsFederationMember { get; }
}

public sealed class SocialOrgFieldsValidator : AbstractValidator<ISocialOrgFields>
{
    public static readonly SocialOrgFieldsValidator Instance = new();

    public SocialOrgFieldsValidator()
    {
        RuleFor(r => r.Name).RequiredText("socialOrgName", 100);
        RuleFor(r => r.Kind).NotNull().WithErrorCode("validation.required").WithMessage(_ => Text.Get("validation.required", Text.Get("field.socialOrgKind")))
            .IsInEnum().WithErrorCode("socialorg.kind_unknown").WithMessage(_ => Text.Get("socialorg.kind_unknown"));
        RuleFor(r => r.CreditCode).Custom((value, ctx) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            var parsed = Domain.CreditCode.Parse(value);
            if (!parsed.IsSuccess)
            {
                ctx.AddFailure(new FluentValidation.Results.ValidationFailure("CreditCode", parsed.Error!.Message) { ErrorCode = "socialorg.credit_code_invalid" });
            }
        });
        RuleFor(r => r.ContactPhone).Custom((value, ctx) =>
        {
            if (!string.IsNullOrWhiteSpace(value) && !ContactPhone.IsValid(value.Trim()))
            {
                ctx.AddFailure(new FluentValidation.Results.ValidationFailure("ContactPhone", Text.Get("socialorg.phone_invalid")) { ErrorCode = "socialorg.phone_invalid" });
            }
        });
        RuleFor(r => r.ServiceFields).OptionalText("socialOrgServiceFields", 200);
        RuleFor(r => r.ContactName).OptionalText("contactName", 50);
        RuleFor(r => r.Address).OptionalText("address", 200);
    }

    /// <summary>The validated request as domain facts (blank optional fields become null).</summary>
    public static SocialOrgDetails ToDetails(ISocialOrgFields r) => new(
        r.Name!.Trim(),
        string.IsNullOrWhiteSpace(r.CreditCode) ? null : Domain.CreditCode.Parse(r.CreditCode).Value,
        r.Kind!.Value,
        Blank(r.ServiceFields),
        Blank(r.ContactName),
        Blank(r.ContactPhone),
        Blank(r.Address),
        r.IsFederationMember ?? false);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Who may do what with social organizations (403 when the role may not, whatever the target).</summary>
public static class SocialOrgPermissions
{
    /// <summary>The county center registers and edits organizations.</summary>
    public static Error? RequireRegistrar(this CurrentActor actor) => actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin);

    /// <summary>Townships pair organizations with their own villages too.</summary>
    public static Error? RequirePairingAdmin(this CurrentActor actor) => actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin);

    public static Error? RequireReader(this CurrentActor actor) => actor.RequireAny(Role.SystemAdmin, Role.CenterAdmin, Role.InstituteAdmin, Role.Supervisor);
}

/// <summary>Which organizations a reader sees.</summary>
public static class SocialOrgQueries
{
    /// <summary>
    /// Organizations form one registry per county, registered at the county center, above a township
    /// admin's unit; township admins pair them with their own villages, so everyone of a county reads
    /// the county's registry. Writes stay with the scope filter and the save-time guard.
    /// </summary>
    public static IQueryable<SocialOrganization> Readable(AppDbContext db, CurrentActor actor) =>
        actor.CountyId is { } countyId
            ? db.Set<SocialOrganization>().Unscoped(because: Why.Uniqueness).Where(o => o.CountyId == countyId)
            : db.Set<SocialOrganization>();
}
