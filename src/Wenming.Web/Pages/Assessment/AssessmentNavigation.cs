using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;

namespace Wenming.Web.Pages.Assessment;

/// <summary>Admins (who run schemes, or read their unit's published result) and supervisors (who score and review) see 考评.</summary>
public sealed class AssessmentNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Assessment", "Assessment.nav.title", "/assessments", 142, NavAudience.IsOverseer, ["/assessments"]) { Group = NavGroups.Oversight },
    ];
}
