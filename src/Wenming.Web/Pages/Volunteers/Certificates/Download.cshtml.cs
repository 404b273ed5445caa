using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Volunteers;
using Wenming.Web.Modules.Volunteers.Features.IssueCertificate;
using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages.Volunteers.Certificates;

/// <summary>
/// The "下载志愿服务证明" link of the pages (cookie sign-in; the API's twin takes bearer tokens only).
/// The same handler decides: the PDF, or 404/403, or this page with the reason (e.g. not approved).
/// </summary>
[Authorize]
public sealed class DownloadModel(IssueCertificateHandler issue, IConfiguration config) : AppPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await issue.HandleAsync(id, CertificatesSetup.PublicBaseUrl(HttpContext, config), ct);
        if (result.IsSuccess)
        {
            return File(result.Value.Pdf, "application/pdf", result.Value.FileName);
        }

        return Refuse(result.Error!, prefix: "") ?? Page();
    }
}
