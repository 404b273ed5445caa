using Microsoft.AspNetCore.Http.HttpResults;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Market.Features.GoodsPhoto;

/// <summary>The HTTP side of <see cref="GoodsPhotoHandler"/>: multipart upload and the photo's bytes.</summary>
public static class GoodsPhotoEndpoints
{
    public static async Task<Results<Ok<GoodsDto>, ProblemHttpResult>> Upload(long id, IFormFile? file, GoodsPhotoHandler handler, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        return ApiResults.OkOr(await handler.SetAsync(id, file?.FileName, content, ct));
    }

    public static async Task<IResult> Open(long id, GoodsPhotoHandler handler, HttpContext http, CancellationToken ct)
    {
        var opened = await handler.OpenAsync(id, ct);
        if (!opened.IsSuccess)
        {
            return ApiResults.Problem(opened.Error!);
        }

        await FilesSetup.WriteAsync(opened.Value, http.Response, ct);
        return Results.Empty;
    }
}
