using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Volunteers.Features.ImportVolunteers;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Excel;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Pages.Volunteers;

/// <summary>
/// Admins import volunteers from the template: download it, upload the filled file, read which rows were
/// imported and why the others were not. The same handlers as the API.
/// </summary>
[Authorize(Roles = Roles.Admins)]
[RequestSizeLimit(ImportVolunteersHandler.MaxRequestBytes)]
public sealed class ImportModel(ImportVolunteersHandler import, VolunteerImportTemplateHandler template) : AppPageModel
{
    public ImportVolunteersResult? Result { get; private set; }

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
