using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Organization.Domain;

namespace Wenming.UnitTests;

public class OrgNestingTests
{
    [Theory]
    [InlineData(null, OrgLevel.City, true)]
    [InlineData(null, OrgLevel.County, true)]
    [InlineData(null, OrgLevel.Township, false)]
    [InlineData(OrgLevel.City, OrgLevel.County, true)]
    [InlineData(OrgLevel.City, OrgLevel.Township, false)]
    [InlineData(OrgLevel.County, OrgLevel.Township, true)]
    [InlineData(OrgLevel.County, OrgLevel.Village, false)]
    [InlineData(OrgLevel.County, OrgLevel.Point, true)]
    [InlineData(OrgLevel.Township, OrgLevel.Village, true)]
    [InlineData(OrgLevel.Township, OrgLevel.Township, false)]
    [InlineData(OrgLevel.Village, OrgLevel.Point, true)]
    [InlineData(OrgLevel.Village, OrgLevel.Village, false)]
    [InlineData(OrgLevel.Point, OrgLevel.Point, false)]
    public void IsAllowed_FollowsTheTiers(OrgLevel? parent, OrgLevel child, bool allowed) =>
        Assert.Equal(allowed, OrgNesting.IsAllowed(parent, child));
}

public class DivisionCodeTests
{
    [Theory]
    [InlineData(OrgLevel.City, "339900000000", null)]
    [InlineData(OrgLevel.County, "339901000000", "339900000000")]
    [InlineData(OrgLevel.County, "339901000000", null)]
    [InlineData(OrgLevel.Township, "339901001000", "339901000000")]
    [InlineData(OrgLevel.Village, "339901001002", "339901001000")]
    [InlineData(OrgLevel.Point, null, "339901001002")]
    public void Check_AcceptsCodesThatExtendTheParent(OrgLevel level, string? code, string? parent) =>
        Assert.Null(DivisionCode.Check(level, code, parent));

    [Theory]
    [InlineData(OrgLevel.Village, "33990100100", "339901001000", "org.division_code_format")]
    [InlineData(OrgLevel.Village, "33990100100A", "339901001000", "org.division_code_format")]
    [InlineData(OrgLevel.Village, "339901002003", "339901001000", "org.division_code_not_under_parent")]
    [InlineData(OrgLevel.Village, "339901001000", "339901001000", "org.division_code_segment_empty")]
    [InlineData(OrgLevel.Township, "339901001001", "339901000000", "org.division_code_trailing")]
    [InlineData(OrgLevel.County, "330000000000", null, "org.division_code_segment_empty")]
    [InlineData(OrgLevel.Township, null, "339901000000", "org.division_code_required")]
    [InlineData(OrgLevel.Point, "339901001002", "339901001002", "org.division_code_not_for_points")]
    public void Check_RefusesBadCodes(OrgLevel level, string? code, string? parent, string expected) =>
        Assert.Equal(expected, DivisionCode.Check(level, code, parent)!.Code);
}

public class OrgUnitTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    private static OrgUnit Saved(OrgUnit? parent, OrgLevel level, string code, long id)
    {
        var unit = OrgUnit.Create(parent, level, "单位" + id, code, Now).Value;
        typeof(OrgUnit).GetProperty(nameof(OrgUnit.Id))!.SetValue(unit, id);
        unit.AssignPath(parent?.Path);
        return unit;
    }

    [Fact]
    public void AssignPath_BuildsMaterializedPath_AndCountyIsTheTenant()
    {
        var county = Saved(null, OrgLevel.County, "339901000000", 2);
        var town = Saved(county, OrgLevel.Township, "339901001000", 4);
        var village = Saved(town, OrgLevel.Village, "339901001001", 5);

        Assert.Equal("/2/4/5/", village.Path);
        Assert.Equal(2, county.CountyId);
        Assert.Equal(2, village.CountyId);
    }

    [Fact]
    public void MoveTo_ChangesParentPathAndCode_AndDescendantsFollow()
    {
        var county = Saved(null, OrgLevel.County, "339901000000", 2);
        var town1 = Saved(county, OrgLevel.Township, "339901001000", 4);
        var town2 = Saved(county, OrgLevel.Township, "339901002000", 8);
        var village = Saved(town1, OrgLevel.Village, "339901001001", 5);
        var point = Saved(village, OrgLevel.Point, "", 20);
        var oldPath = village.Path;

        Assert.Null(village.MoveTo(town2, "339901002009"));
        point.RebaseDescendant(oldPath, village.Path);

        Assert.Equal("/2/8/5/", village.Path);
        Assert.Equal("/2/8/5/20/", point.Path);
        Assert.Equal(8, village.ParentId);
        Assert.Equal("339901002009", village.DivisionCode);
    }

    [Fact]
    public void MoveTo_RefusesOwnSubtree_WrongLevel_AndStaleCode()
    {
        var county = Saved(null, OrgLevel.County, "339901000000", 2);
        var town1 = Saved(county, OrgLevel.Township, "339901001000", 4);
        var town2 = Saved(county, OrgLevel.Township, "339901002000", 8);
        var village = Saved(town1, OrgLevel.Village, "339901001001", 5);

        Assert.Equal("org.move_into_own_subtree", town1.MoveTo(village, null)!.Code);
        Assert.Equal("org.level_nesting", village.MoveTo(county, null)!.Code);
        Assert.Equal("org.division_code_not_under_parent", village.MoveTo(town2, null)!.Code);
        Assert.Equal("/2/4/5/", village.Path);
    }

    [Fact]
    public void Deactivate_IsRefusedWhileChildrenAreActive()
    {
        var county = Saved(null, OrgLevel.County, "339901000000", 2);

        Assert.Equal("org.has_active_children", county.Deactivate(hasActiveChildren: true)!.Code);
        Assert.Equal(OrgUnitStatus.Active, county.Status);
        Assert.Null(county.Deactivate(hasActiveChildren: false));
        Assert.Equal(OrgUnitStatus.Inactive, county.Status);
    }
}
