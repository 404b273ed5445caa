using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Calendar.Features;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Calendar;

/// <summary>文明实践日历 for a year, month by month; admins plan an activity from a date in one step, the center adds the county's dates.</summary>
[Authorize]
public sealed class IndexModel(CalendarHandler calendar, IOrgDirectory orgs, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "mine")]
    public bool Mine { get; set; }

    [BindProperty]
    public AddCountyDateRequest Input { get; set; } = new(null, null, null, null);

    public IReadOnlyList<CalendarDayDto> Days { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public int ShownYear => Year ?? clock.GetUtcNow().ToOffset(Text.ChinaOffset).Year;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Text.ChinaOffset).DateTime);

    /// <summary>Admins open the activity form; a volunteer or resident cannot, so they get no link to it.</summary>
    public bool CanPlan => actor.IsAdmin;

    public bool CanAdd => actor.Has(Role.CenterAdmin) || actor.Has(Role.SystemAdmin);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await calendar.YearAsync(ShownYear, Mine && actor.IsAdmin, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Days = result.Value;
        Units = CanAdd ? await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct) : [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(ct);
        }

        var result = await calendar.AddAsync(Input, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["calendar_date.duplicate"] = "name", ["org.not_found"] = "orgUnitId" }) ?? await OnGetAsync(ct);
        }

        Notice = Text.Get("Practice.ui.added", result.Value.Name);
        return Redirect($"/calendar/{result.Value.Date.Year}");
    }

    /// <summary>The activity form, prefilled with the day's name and 09:00–11:00 that day.</summary>
    public static string PlanLink(CalendarDayDto day) =>
        "/activities?Input.Title=" + Uri.EscapeDataString(day.Name) + "&Input.StartsAt=" + day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T09:00"
        + "&Input.EndsAt=" + day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T11:00" + (day.ResponsibleOrgUnitId is { } unit ? "&Input.OrgUnitId=" + unit : "") + "#new";
}
