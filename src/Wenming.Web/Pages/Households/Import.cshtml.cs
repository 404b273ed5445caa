using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Households.Features.Import;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Households;

/// <summary>
/// Admins import households from the template: download it, upload the filled file, read which rows became households
/// and why the others did not. The same handlers as the API.
/// </summary>
[Authorize(Roles = Roles.Admins)]
[RequestSizeLimit(ImportHouseholdsHandler.MaxRequestBytes)]
public sealed class ImportModel(ImportHouseholdsHandler import, HouseholdImportTemplateHandler template) : AppPageModel
{
    public ImportHouseholdsResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        var file = template.Handle();
        return file.IsSuccess ? File(file.Value.Content, ExcelWriter.ContentType, file.Value.FileName) : Refuse(file.Error!, prefix: "") ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await using var stream = file?.OpenReadStream();
        var result = await import.HandleAsync(stream, file?.Length ?? 0, ct);
        if (!result.IsSuccess)
        {
            return Refuse(result.Error!, prefix: "") ?? Page();
        }

        Result = result.Value;
        return Page();
    }
}
