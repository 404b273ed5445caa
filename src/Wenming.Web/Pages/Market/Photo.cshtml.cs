using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Market.Features.GoodsPhoto;
using Wenming.Web.Pages.Shared;
using Wenming.Web.Platform.Files;

namespace Wenming.Web.Pages.Market;

/// <summary>The goods' picture for pages (cookie), after the goods' own visibility check, with the file store's safe headers.</summary>
[Authorize]
public sealed class PhotoModel(GoodsPhotoHandler photos) : AppPageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var opened = await photos.OpenAsync(id, ct);
        if (!opened.IsSuccess)
        {
            return NotFound();
        }

        await FilesSetup.WriteAsync(opened.Value, Response, ct);
        return new EmptyResult();
    }
}
