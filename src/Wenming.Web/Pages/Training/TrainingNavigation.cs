using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Hosting;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Training;

/// <summary>Admins and supervisors open the county's training sessions; volunteers their "志愿者培训" page (same URL, their view).</summary>
public sealed class TrainingNavigation : INavigationContributor
{
    public IEnumerable<NavEntry> Entries =>
    [
        new("Training", "Training.nav.trainings", "/trainings", 72, NavAudience.IsOverseer, ["/trainings"]) { Group = NavGroups.Volunteering },
        new("Training", "Training.nav.mine", "/trainings", 102, a => NavAudience.IsPersonal(a) && (a.Has(Role.Volunteer) || a.Has(Role.TeamLeader)), ["/trainings"]) { Group = NavGroups.Volunteering },
    ];
}
