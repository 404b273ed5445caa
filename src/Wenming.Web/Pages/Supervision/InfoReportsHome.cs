using System.Globalization;
using Wenming.Web.Modules.Supervision.Domain;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 信息报送 on the home page: the county and a township see what waits for their receipt and what is red in their subtree;
/// a township or a station the urgent reports it still owes a follow-up and the way to report; the supervisor the red ones.
/// </summary>
public sealed class InfoReportsHome(InfoReportsHandler reports, CurrentActor actor, TimeProvider clock) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!NavAudience.IsOverseer(actor))
        {
            return [];
        }

        var links = new List<HomeLink>();
        var receives = actor.Has(Role.CenterAdmin) || actor.Has(Role.InstituteAdmin);
        var reporter = actor.Has(Role.InstituteAdmin) || actor.Has(Role.StationAdmin);
        if (receives)
        {
            var unread = await CountAsync(new ListInfoReportsRequest { Box = "in", Read = false, PageSize = 1 }, ct);
            links.Add(new(Text.Get("Supervision.home.unread"), "/supervision/reports?box=in", Count: unread, Alert: false, TestId: "todo-reports-unread"));
        }

        if (reporter)
        {
            var owed = await CountAsync(new ListInfoReportsRequest { Box = "out", FollowedUp = false, PageSize = 1 }, ct);
            links.Add(new(Text.Get("Supervision.home.follow_up"), "/supervision/reports?box=out", Count: owed, Alert: owed > 0, TestId: "todo-reports-follow-up"));
        }

        // This month's red reports of the subtree: what the levels above and the supervisor follow up on.
        var month = Text.ToChinaTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var red = await CountAsync(new ListInfoReportsRequest { Light = SupervisionLight.Red, Month = month, PageSize = 1 }, ct);
        links.Add(new(Text.Get("Supervision.home.red"), $"/supervision/reports?box=all&light=Red&month={month}", Count: red, Alert: red > 0, TestId: "todo-reports-red"));
        if (reporter)
        {
            links.Add(new(Text.Get("Supervision.ui.report_new"), "/supervision/reports/new", TestId: "go-report-new"));
        }

        return [new(Text.Get("Supervision.nav.reports"), 25, links, "home-reports")];
    }

    private async Task<long> CountAsync(ListInfoReportsRequest request, CancellationToken ct)
    {
        var result = await reports.ListAsync(request, ct);
        return result.IsSuccess ? result.Value.Total : 0;
    }
}
