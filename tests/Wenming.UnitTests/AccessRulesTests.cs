using Wenming.Web.Modules.Accounts.Features.CreateAccount;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Platform.Scope;

namespace Wenming.UnitTests;

public class RoleGrantsTests
{
    [Theory]
    [InlineData(Role.SystemAdmin, Role.SystemAdmin, true)]
    [InlineData(Role.CenterAdmin, Role.SystemAdmin, false)]
    [InlineData(Role.CenterAdmin, Role.CenterAdmin, true)]
    [InlineData(Role.CenterAdmin, Role.Supervisor, true)]
    [InlineData(Role.InstituteAdmin, Role.CenterAdmin, false)]
    [InlineData(Role.InstituteAdmin, Role.Supervisor, false)]
    [InlineData(Role.InstituteAdmin, Role.StationAdmin, true)]
    [InlineData(Role.StationAdmin, Role.InstituteAdmin, false)]
    [InlineData(Role.StationAdmin, Role.Resident, true)]
    [InlineData(Role.TeamLeader, Role.Volunteer, false)]
    [InlineData(Role.Supervisor, Role.Resident, false)]
    public void MayGrant_NeverRaisesAboveTheCaller(Role caller, Role target, bool allowed) =>
        Assert.Equal(allowed, RoleGrants.MayGrant([caller], target));

    [Theory]
    [InlineData(Role.StationAdmin, OrgLevel.Village, true)]
    [InlineData(Role.StationAdmin, OrgLevel.Township, false)]
    [InlineData(Role.InstituteAdmin, OrgLevel.Township, true)]
    [InlineData(Role.CenterAdmin, OrgLevel.Village, false)]
    [InlineData(Role.Resident, OrgLevel.City, false)]
    [InlineData(Role.Resident, OrgLevel.Point, true)]
    public void FitsLevel_BindsRolesToTheirTier(Role role, OrgLevel level, bool fits) =>
        Assert.Equal(fits, RoleGrants.FitsLevel(role, level));
}

public class OrgScopeTests
{
    [Fact]
    public void NewScope_SeesNothing_UntilRestrictedOrOpened()
    {
        var scope = new OrgScope();

        Assert.False(scope.Contains("/1/"));
        scope.RestrictTo("/1/2/");
        Assert.True(scope.Contains("/1/2/5/"));
        Assert.False(scope.Contains("/1/3/"));
        Assert.False(scope.Contains("/1/22/")); // a sibling whose id starts with the same digits
    }

    [Fact]
    public void Unrestricted_IsUndoneWhenDisposed()
    {
        var scope = new OrgScope();
        scope.RestrictTo("/1/2/");

        using (scope.Unrestricted())
        {
            Assert.True(scope.Contains("/9/"));
        }

        Assert.False(scope.Contains("/9/"));
    }
}
