using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wenming.Web.Modules.Volunteers;
using Wenming.Web.Modules.Volunteers.Features.VerifyCertificate;
using Wenming.Web.Pages.Shared;

namespace Wenming.Web.Pages.Volunteers.Certificates;

/// <summary>
/// The public page behind the certificate's QR code: anyone, no sign-in, phone first. Shows only the
/// masked summary the verification handler returns; an unknown code answers 404 with "未找到该证明".
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(CertificatesSetup.CheckPolicy)]
public sealed class VerifyModel(VerifyCertificateHandler verify) : AppPageModel
{
    public CertificateVerificationDto? Certificate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var result = await verify.HandleAsync(code, ct);
        if (!result.IsSuccess)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Certificate = result.Value;
        return Page();
    }
}
