using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Excel;

namespace Wenming.Web.Pages.Shared;

/// <summary>
/// The pages' "导出Excel" buttons: the file, or null after the refusal was put on the page (e.g. too many
/// rows), so the caller re-shows the list with the message.
/// </summary>
public static class ExcelPage
{
    public static IActionResult? File(AppPageModel page, Result<ExcelFile> result)
    {
        if (result.IsSuccess)
        {
            return new FileContentResult(result.Value.Content, ExcelWriter.ContentType) { FileDownloadName = result.Value.FileName };
        }

        page.ModelState.AddModelError(string.Empty, result.Error!.Message);
        return result.Error.Kind switch
        {
            ErrorKind.NotFound => new NotFoundResult(),
            ErrorKind.Forbidden => new ForbidResult(),
            _ => null,
        };
    }
}
