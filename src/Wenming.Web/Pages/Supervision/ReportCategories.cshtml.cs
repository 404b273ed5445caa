using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Supervision.Features.Reports;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Supervision;

/// <summary>
/// 必报类别: the county center keeps its county's list of must-report categories: adds one, renames, moves it up or
/// down, retires or restores it (never deletes: old reports keep theirs). The same handler as the API; a refused form
/// comes back with its messages and nothing is written.
/// </summary>
[Authorize(Roles = Roles.CenterAdmin)]
public sealed class ReportCategoriesModel(ReportCategoriesHandler categories) : AppPageModel
{
    public IReadOnlyList<ReportCategoryDto> Items { get; private set; } = [];

    [BindProperty]
    public CategoryInput Input { get; set; } = new();

    public sealed class CategoryInput
    {
        public string? Name { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var result = await categories.CreateAsync(new CreateReportCategoryRequest(Input.Name, null), ct);
        return await DoneAsync(result.IsSuccess ? null : result.Error, "Supervision.ui.category_added", ct);
    }

    /// <summary>Renames one row; the name comes from that row's own field.</summary>
    public async Task<IActionResult> OnPostRenameAsync(long id, string? name, CancellationToken ct)
    {
        var result = await categories.UpdateAsync(id, new UpdateReportCategoryRequest(name, null, null), ct);
        return await DoneAsync(result.IsSuccess ? null : result.Error, "Supervision.ui.category_saved", ct);
    }

    public async Task<IActionResult> OnPostRetireAsync(long id, bool retired, CancellationToken ct)
    {
        await LoadAsync(ct);
        var item = Items.FirstOrDefault(c => c.Id == id);
        if (item is null)
        {
            return NotFoundPage();
        }

        var result = await categories.UpdateAsync(id, new UpdateReportCategoryRequest(item.Name, null, retired), ct);
        return await DoneAsync(result.IsSuccess ? null : result.Error, retired ? "Supervision.ui.category_retired" : "Supervision.ui.category_restored", ct);
    }

    /// <summary>Swaps the order with the neighbour above (<paramref name="up"/>) or below; renumbers 1..n so equal numbers cannot stick.</summary>
    public async Task<IActionResult> OnPostMoveAsync(long id, bool up, CancellationToken ct)
    {
        await LoadAsync(ct);
        var order = Items.ToList();
        var at = order.FindIndex(c => c.Id == id);
        if (at < 0)
        {
            return NotFoundPage();
        }

        var to = up ? at - 1 : at + 1;
        if (to >= 0 && to < order.Count)
        {
            (order[at], order[to]) = (order[to], order[at]);
            for (var i = 0; i < order.Count; i++)
            {
                if (order[i].SortOrder != i + 1)
                {
                    var result = await categories.UpdateAsync(order[i].Id, new UpdateReportCategoryRequest(order[i].Name, i + 1, null), ct);
                    if (!result.IsSuccess)
                    {
                        return await DoneAsync(result.Error, "", ct);
                    }
                }
            }
        }

        return await DoneAsync(null, "Supervision.ui.category_saved", ct);
    }

    private async Task<IActionResult> DoneAsync(Platform.Errors.Error? error, string notice, CancellationToken ct)
    {
        if (error is not null)
        {
            await LoadAsync(ct);
            return Refuse(error) ?? Page();
        }

        Notice = Text.Get(notice);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var list = await categories.ListAsync(includeRetired: true, ct);
        Items = list.IsSuccess ? list.Value : [];
    }
}
