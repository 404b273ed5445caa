using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Assessment.Domain;
using Wenming.Web.Modules.Assessment.Features.Schemes;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Assessment;

/// <summary>
/// One scheme: its state, indicators and weights, the ranking with every unit's parts (value, normalised, weight,
/// points), manual scores with their evidence, and the steps (recompute, review, publish) for those who may take them.
/// A ranked unit that does not see the scheme gets its own published row only. The handler checks every step again.
/// </summary>
[Authorize(Roles = Roles.Overseers)]
public sealed class DetailModel(AssessmentSchemesHandler schemes, CurrentActor actor) : AppPageModel
{
    [BindProperty]
    public ManualScoreRequest Input { get; set; } = new(null, null, null);

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public SchemeDto? Scheme { get; private set; }

    /// <summary>The title of a result seen from below (no scheme).</summary>
    public string? OwnTitle { get; private set; }

    public IReadOnlyList<AssessmentRankingItemDto> Ranking { get; private set; } = [];

    private bool RunsSchemes => actor.Has(Role.SystemAdmin) || actor.Has(Role.CenterAdmin) || actor.Has(Role.InstituteAdmin);

    public bool CanRecompute => Scheme is { Status: AssessmentStatus.Computed } && RunsSchemes;

    public bool CanScore => Scheme is { Status: AssessmentStatus.Computed } s && s.Indicators.Any(i => i.Code == AssessmentSchemesHandler.Manual)
        && (RunsSchemes || actor.Has(Role.Supervisor));

    public bool CanReview => Scheme is { Status: AssessmentStatus.Computed } && RunsSchemes;

    public bool CanPublish => Scheme is { Status: AssessmentStatus.Reviewed } && RunsSchemes;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var scheme = await schemes.GetAsync(id, ct);
        var ranking = await schemes.RankingAsync(id, ct);
        if (!ranking.IsSuccess)
        {
            return Refuse(ranking.Error!, prefix: "") ?? NotFoundPage();
        }

        Ranking = ranking.Value;
        if (scheme.IsSuccess)
        {
            Scheme = scheme.Value;
        }
        else
        {
            var mine = await schemes.MineAsync(ct);
            OwnTitle = mine.IsSuccess ? mine.Value.FirstOrDefault(m => m.SchemeId == id)?.Title : null;
        }

        return Page();
    }

    public Task<IActionResult> OnPostRecomputeAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Assessment.ui.done_recompute", () => schemes.RecomputeAsync(id, ct), ct);

    public Task<IActionResult> OnPostReviewAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Assessment.ui.done_review", () => schemes.ReviewAsync(id, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        StepAsync(id, "Assessment.ui.done_publish", () => schemes.PublishAsync(id, ct), ct);

    public async Task<IActionResult> OnPostManualAsync(long id, CancellationToken ct)
    {
        var streams = Photos.Select(f => (f.FileName, Stream: f.OpenReadStream())).ToList();
        try
        {
            var uploads = streams.Select(s => new ManualScorePhotoUpload(s.FileName, s.Stream)).ToList();
            return await StepAsync(id, "Assessment.ui.done_manual", () => schemes.AddManualScoreAsync(id, Input, uploads, ct), ct);
        }
        finally
        {
            foreach (var s in streams)
            {
                await s.Stream.DisposeAsync();
            }
        }
    }

    private async Task<IActionResult> StepAsync(long id, string done, Func<Task<Result<SchemeDto>>> step, CancellationToken ct)
    {
        if (BindingFailed())
        {
            return await OnGetAsync(id, ct);
        }

        var result = await step();
        if (!result.IsSuccess)
        {
            if (Refuse(result.Error!) is { } refused)
            {
                return refused;
            }

            // The page comes back with the messages; nothing was changed.
            return await OnGetAsync(id, ct);
        }

        Notice = Text.Get(done);
        return RedirectToPage(new { id });
    }
}
