namespace Wenming.Web.Platform.Scope;

/// <summary>The roles of DESIGN §2. Names are the API's role strings.</summary>
public enum Role
{
    SystemAdmin = 1,
    CenterAdmin = 2,
    InstituteAdmin = 3,
    StationAdmin = 4,
    Supervisor = 5,
    TeamLeader = 6,
    Volunteer = 7,
    Resident = 8,
}

public static class Roles
{
    public const string SystemAdmin = nameof(Role.SystemAdmin);
    public const string CenterAdmin = nameof(Role.CenterAdmin);
    public const string InstituteAdmin = nameof(Role.InstituteAdmin);
    public const string StationAdmin = nameof(Role.StationAdmin);
    public const string Supervisor = nameof(Role.Supervisor);
    public const string TeamLeader = nameof(Role.TeamLeader);
    public const string Volunteer = nameof(Role.Volunteer);
    public const string Resident = nameof(Role.Resident);

    /// <summary>Roles that administer an org subtree (write access to org units, people, accounts).</summary>
    public const string Admins = "SystemAdmin,CenterAdmin,InstituteAdmin,StationAdmin";

    /// <summary>Admins plus the supervisor, who reads and assesses a subtree.</summary>
    public const string Overseers = Admins + ",Supervisor";

    public static bool IsAdmin(Role role) => role is Role.SystemAdmin or Role.CenterAdmin or Role.InstituteAdmin or Role.StationAdmin;
}
