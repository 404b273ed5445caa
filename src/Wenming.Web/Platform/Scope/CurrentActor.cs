
namespace Wenming.Web.Platform.Scope;

/// <summary>Who is acting in this scope (request, CLI command or job), for permissions and the audit log.</summary>
public sealed class CurrentActor
{
    public long? UserId { get; private set; }

    public string? Login { get; private set; }

    public string? IpAddress { get; private set; }

    public long? OrgUnitId { get; private set; }

    public long? CountyId { get; private set; }

    public long? PersonId { get; private set; }

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    public bool IsAuthenticated => UserId is not null;

    public bool Has(Role role) => Roles.Contains(role);

    public bool IsAdmin => Roles.Any(Scope.Roles.IsAdmin);

    public bool IsSystemAdmin => Has(Role.SystemAdmin);

    public void SignedIn(long userId, string login, IReadOnlyList<Role> roles, long orgUnitId, long? countyId, long? personId)
    {
        UserId = userId;
        Login = login;
        Roles = roles;
        OrgUnitId = orgUnitId;
        CountyId = countyId;
        PersonId = personId;
    }

    public void From(string? ipAddress) => IpAddress = ipAddress;

    /// <summary>
    /// For operator commands, start-up and jobs: acts with system-admin rights and is recorded in
    /// the audit log under <paramref name="name"/>.
    /// </summary>
    public void Operator(string name)
    {
        Login = name;
        IpAddress = "local";
        Roles = [Role.SystemAdmin];
    }
}
