using Wenming.Web.Platform.Localization;

namespace Wenming.Web.Modules.Volunteers.Contracts;

/// <summary>Team categories of DESIGN §4 ; also what a service catalog item offers (Orders).</summary>
public enum TeamCategory
{
    TheoryPreaching = 1,
    PolicyPreaching = 2,
    CultureArts = 3,
    Health = 4,
    Legal = 5,
    Science = 6,
    Ecology = 7,
    CustomsReform = 8,
    ElderlyDisabled = 9,
    Children = 10,
    Convenience = 11,
    Emergency = 12,
    Other = 99,
}

public static class TeamCategories
{
    /// <summary>The Chinese label (Resources/Volunteers.resx, key team.category.X).</summary>
    public static string Label(TeamCategory category) => Text.Get("team.category." + category);
}
