using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.People.Contracts;
using Wenming.Web.Modules.Points.Domain;
using Wenming.Web.Modules.Points.Features.Awards;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Points.Awards;

/// <summary>
/// 提议加分、扣分: a cadre picks a unit of their subtree, then a person registered there, a category
/// (which decides award or deduction), the points and the reason, and adds photos or PDFs from the phone.
/// The same handler as the API checks everything; a refused file refuses the whole proposal.
/// </summary>
[Authorize(Roles = Roles.Admins)]
public sealed class NewModel(ProposeAwardHandler propose, IPeopleDirectory people, IOrgDirectory orgs, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public AwardInput Input { get; set; } = new();

    /// <summary>Photos or PDFs picked on the phone (camera or files), several at once.</summary>
    [BindProperty]
    public List<IFormFile> EvidenceFiles { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "unit")]
    public long? Unit { get; set; }

    /// <summary>A name or mobile number: a village lists hundreds of people, the search narrows the list to whom is meant.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyList<PersonChoice> People { get; private set; } = [];

    public sealed record PersonChoice(long Id, string Name);

    /// <summary>
    /// Not <see cref="ProposeAwardRequest"/>: the form takes the points as a positive number and the category gives the
    /// sign (the API takes signed points).
    /// </summary>
    public sealed class AwardInput
    {
        public long? PersonId { get; set; }

        public AwardCategory? Category { get; set; }

        /// <summary>Always entered as a positive number; the category says whether it is added or taken.</summary>
        public int? Points { get; set; }

        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BindingFailed())
        {
            await LoadAsync(ct);
            return Page();
        }

        var i = Input;
        if (i.Category is null)
        {
            ModelState.AddModelError("Input.Category", Text.Get("validation.required", Text.Get("Award.field.category")));
        }

        if (i.PersonId is null)
        {
            ModelState.AddModelError("Input.PersonId", Text.Get("validation.required", Text.Get("Award.field.personId")));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        // The page asks for a positive number of points; a deduction category makes it negative, as the API wants.
        var points = i.Points is { } p && PointAward.IsDeductionCategory(i.Category!.Value) ? -Math.Abs(p) : i.Points;
        var uploads = new List<AwardEvidenceUpload>();
        var streams = new List<Stream>();
        try
        {
            foreach (var file in EvidenceFiles)
            {
                var stream = file.OpenReadStream();
                streams.Add(stream);
                uploads.Add(new AwardEvidenceUpload(file.FileName, stream));
            }

            var result = await propose.HandleAsync(new ProposeAwardRequest(i.PersonId, points, i.Reason, i.Category), uploads, ct);
            if (!result.IsSuccess)
            {
                var refused = Refuse(result.Error!, fieldOf: new Dictionary<string, string> { ["person.not_found"] = "personId", ["award.own_award"] = "personId" });
                if (refused is not null)
                {
                    return refused;
                }

                // The store names the field "evidence"; on this form that is the file picker.
                if (ModelState.TryGetValue("Input.Evidence", out var entry))
                {
                    var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
                    ModelState.Remove("Input.Evidence");
                    messages.ForEach(m => ModelState.AddModelError(nameof(EvidenceFiles), m));
                }

                await LoadAsync(ct);
                return Page();
            }

            Notice = Text.Get("Award.ui.proposed");
            return RedirectToPage("/Points/Awards/Detail", new { id = result.Value.Id });
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Units = await UnitChoices.ActiveAsync(orgs, Modules.Organization.Contracts.OrgLevel.County, ct);
        Unit ??= actor.OrgUnitId;
        if (Unit is { } unit && Units.Any(u => u.Id == unit))
        {
            // The unit's people the admin may see (the People contract's scoped read), narrowed by name or
            // mobile number: a village lists hundreds, the search leaves whom is meant.
            People = [.. (await people.FindInUnitAsync(unit, Query, 300, ct))
                .Select(p => new PersonChoice(p.Id, p.Name))];
        }
    }
}
