using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Events;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Ops;

/// <summary>Dead letters (ADR 0022): integration events the sweeper gave up on, with a 重试 button; system admins only.</summary>
[Authorize(Roles = nameof(Role.SystemAdmin))]
public sealed class DeadLettersModel(DeadLetters deadLetters) : AppPageModel
{
    public IReadOnlyList<DeadLetterDto> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await deadLetters.ListAsync(ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Items = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var result = await deadLetters.RetryAsync(id, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? await OnGetAsync(ct);
        }

        Notice = result.Value.Delivered ? Text.Get("Ops.dead.delivered", id) : Text.Get("Ops.dead.failed_again", id, result.Value.LastError ?? "");
        return RedirectToPage();
    }
}
