using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Assessment.Features.Schemes;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Assessment;

/// <summary>
/// 新建考评方案: the county or a township picks itself (or a township below), the period and the level, and ticks the
/// indicators with their weights (RULES.md's defaults ticked). The handler checks everything, as for the API.
/// </summary>
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.CenterAdmin + "," + Roles.InstituteAdmin)]
public sealed class NewModel(AssessmentSchemesHandler schemes, IOrgDirectory orgs, TimeProvider clock) : AppPageModel
{
    [BindProperty]
    public SchemeInput Input { get; set; } = new();

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyList<string> Codes => schemes.Codes;

    public string Label(string code) => schemes.Label(code);

    public bool Available(string code) => schemes.Available(code);

    public sealed class SchemeInput
    {
        public long? OrgUnitId { get; set; }

        public string? Period { get; set; }

        public string? Level { get; set; } = "Township";

        /// <summary>The ticked codes.</summary>
        public List<string> Codes { get; set; } = [];

        /// <summary>Weights by code; only the ticked ones count.</summary>
        public Dictionary<string, int?> Weights { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Last month by default: a month is assessed once it is over.
        var today = Text.ToChinaTime(clock.GetUtcNow().UtcDateTime);
        Input.Period = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Input.Codes = [.. AssessmentSchemesHandler.DefaultWeights.Select(w => w.Code)];
        Input.Weights = AssessmentSchemesHandler.DefaultWeights.ToDictionary(w => w.Code, w => (int?)w.Weight);
        Units = await UnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            Units = await UnitsAsync(ct);
            return Page();
        }

        var indicators = Input.Codes.Select(c => new IndicatorWeightRequest(c, Input.Weights.GetValueOrDefault(c))).ToList();
        var result = await schemes.CreateAsync(new CreateSchemeRequest(Input.OrgUnitId, Input.Period, Input.Level, indicators), ct);
        if (!result.IsSuccess)
        {
            if (Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["assessment.unit_not_found"] = "orgUnitId" }) is { } refused)
            {
                return refused;
            }

            Units = await UnitsAsync(ct);
            return Page();
        }

        Notice = Text.Get("Assessment.ui.done_create");
        return RedirectToPage("/Assessment/Detail", new { id = result.Value.Id });
    }

    /// <summary>The county and the townships run schemes (villages are ranked, they do not rank).</summary>
    private async Task<IReadOnlyList<UnitChoice>> UnitsAsync(CancellationToken ct) =>
        [.. (await UnitChoices.ActiveAsync(orgs, OrgLevel.County, ct)).Where(u => u.Level is OrgLevel.County or OrgLevel.Township)];
}
