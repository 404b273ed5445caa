using System.Globalization;
using Wenming.Web.Modules.Volunteers.Domain;
using Wenming.Web.Modules.Volunteers.Features.GetVolunteer;
using Wenming.Web.Modules.Volunteers.Features.ListServiceRecords;
using Wenming.Web.Modules.Volunteers.Features.SearchVolunteers;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>
/// Volunteers on the home page: admins see the applications and the service hours waiting for them
/// (the supervisor the applications only: confirming hours is an admin's step); a volunteer sees their
/// hours and certificate, anyone else with a person record the way to apply.
/// </summary>
public sealed class VolunteersHome(SearchVolunteersHandler search, ListServiceRecordsHandler records, GetVolunteerHandler get, CurrentActor actor) : IHomeContributor
{
    public async Task<IReadOnlyList<HomeCard>> CardsAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            return [];
        }

        if (NavAudience.IsOverseer(actor))
        {
            var pending = await search.HandleAsync(new SearchVolunteersRequest { Status = VolunteerStatus.Pending, Page = 1, PageSize = 1 }, ct);
            var links = new List<HomeLink>
            {
                new(Text.Get("Volunteers.home.to_approve"), "/volunteers?status=Pending", Count: pending.IsSuccess ? pending.Value.Total : 0, TestId: "todo-volunteers-pending"),
            };
            if (actor.IsAdmin)
            {
                var hours = await records.ReportAsync(new ServiceRecordReportRequest { Status = ServiceRecordStatus.Pending, Page = 1, PageSize = 1 }, ct);
                links.Add(new(Text.Get("Volunteers.home.to_confirm"), "/service-records", Count: hours.IsSuccess ? hours.Value.Total : 0, TestId: "todo-service-records"));
            }

            // A department's own volunteer teams (部门联动) are most of what it runs; its home keeps this card (issue 17).
            links.Add(new(Text.Get("Volunteers.home.teams"), "/teams", TestId: "go-teams"));
            return [new(Text.Get("Shell.nav.volunteers"), 30, links, "home-volunteers", ForDepartments: true)];
        }

        if (actor.PersonId is null)
        {
            return [];
        }

        var me = await get.MineAsync(ct);
        if (me is null)
        {
            return [new(Text.Get("Shell.nav.vol_apply"), 50, [new(Text.Get("Volunteers.home.apply"), "/volunteers/me", TestId: "go-volunteer-apply")], "home-volunteer")];
        }

        var mine = new List<HomeLink>
        {
            new(Text.Get("Volunteers.vol.hours"), "/volunteers/me", Value: me.TotalHours.ToString("0.#", CultureInfo.InvariantCulture), TestId: "my-hours"),
        };
        if (me.Status == VolunteerStatus.Approved)
        {
            mine.Add(new(Text.Get("Cert.ui.download"), $"/volunteers/{me.Id}/certificate", TestId: "go-certificate"));
        }
        else
        {
            mine.Add(new(Text.Get("Volunteers.home.status"), "/volunteers/me", Value: VolunteerLabels.Status(me.Status), TestId: "my-volunteer-status"));
        }

        return [new(Text.Get("Shell.nav.vol_mine"), 50, mine, "home-volunteer")];
    }
}
