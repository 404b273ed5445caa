using Wenming.Web.Modules.SocialOrgs.Domain;
using Wenming.Web.Modules.SocialOrgs.Features.RegisterSocialOrg;
using Wenming.Web.Modules.SocialOrgs.Features.UpdateSocialOrg;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.SocialOrgs;

/// <summary>The organization form; nullable throughout so that only the handler's (Chinese) validation speaks.</summary>
public sealed class SocialOrgInput
{
    public string? Name { get; set; }

    public SocialOrgKind? Kind { get; set; }

    public string? CreditCode { get; set; }

    public string? ServiceFields { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? Address { get; set; }

    public bool IsFederationMember { get; set; }

    public RegisterSocialOrgRequest ToRegister() =>
        new(Name, Kind, CreditCode, ServiceFields, ContactName, ContactPhone, Address, IsFederationMember);

    public UpdateSocialOrgRequest ToUpdate() =>
        new(Name, Kind, CreditCode, ServiceFields, ContactName, ContactPhone, Address, IsFederationMember);
}

/// <summary>A page with an organization form, for the shared fields partial.</summary>
public interface ISocialOrgForm
{
    SocialOrgInput Input { get; }
}

/// <summary>Page-side names for the module's enums and roles.</summary>
public static class SocialOrgLabels
{
    /// <summary>Readers of the registry (the API answers 403 to everyone else).</summary>
    public const string Readers = "SystemAdmin,CenterAdmin,InstituteAdmin,Supervisor";

    /// <summary>Who registers and edits organizations.</summary>
    public const string Registrars = "SystemAdmin,CenterAdmin";

    public static string Kind(SocialOrgKind kind) => Text.Get("SocialOrgs.so.kind." + kind);

    public static string Status(SocialOrgStatus status) => Text.Get("SocialOrgs.so.status." + status);

    public static string YesNo(bool value) => Text.Get(value ? "SocialOrgs.so.yes" : "SocialOrgs.so.no");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static bool CanRegister(Platform.Scope.CurrentActor actor) => actor.Has(Role.SystemAdmin) || actor.Has(Role.CenterAdmin);

    public static bool CanPair(Platform.Scope.CurrentActor actor) => CanRegister(actor) || actor.Has(Role.InstituteAdmin);
}
