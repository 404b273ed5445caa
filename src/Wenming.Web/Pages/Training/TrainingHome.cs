using Wenming.Web.Modules.Training.Features;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Training;

/// <summary>
/// Training on the home page: a volunteer sees their next session (or how many are open to sign up for) and their
/// training hours; an admin sees the begun sessions of their units whose attendance is still to be marked.
/// </summary>
public sealed class TrainingHome(SessionsHandler sessions, CurrentActor actor, TimeProvider clock) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (actor.IsAdmin)
        {
            var toMark = await sessions.AttendanceToMarkAsync(ct);
            return
            [
                new(Text.Get("Training.nav.trainings"), 66,
                [
                    new(Text.Get("Training.home.to_mark"), "/trainings", Count: toMark, Alert: toMark > 0, TestId: "todo-training-attendance"),
                    new(Text.Get("Training.home.new"), "/trainings#new-training", TestId: "go-trainings"),
                ], "home-training", ForDepartments: true),
            ];
        }

        if (!NavAudienceOk())
        {
            return [];
        }

        var mine = await sessions.MineAsync(ct);
        if (!mine.IsSuccess)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var next = mine.Value.Sessions.Where(s => s.StartsAt > now).OrderBy(s => s.StartsAt).FirstOrDefault();
        var open = await sessions.ListAsync(new ListTrainingsRequest(Upcoming: true, PageSize: 100), ct);
        var openCount = open.IsSuccess ? open.Value.Items.Count(s => !s.SignedUp && s.PlacesLeft > 0) : 0;
        var links = new List<HomeLink>();
        if (next is not null)
        {
            links.Add(new(Text.Get("Training.home.next", next.Title), "/trainings", Value: TrainingPage.DateTime(next.StartsAt), TestId: "my-next-training"));
        }

        links.Add(new(Text.Get("Training.home.open"), "/trainings", Count: openCount, TestId: "open-trainings"));
        links.Add(new(Text.Get("Training.ui.my_hours"), "/trainings", Value: Text.Get("Training.ui.hours", TrainingPage.Hours(mine.Value.Hours)), TestId: "my-training-hours"));
        return [new(Text.Get("Training.nav.mine"), 36, links, "home-my-training")];
    }

    private bool NavAudienceOk() => actor.Has(Role.Volunteer) || actor.Has(Role.TeamLeader);
}
