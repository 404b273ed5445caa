using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wenming.Web.Modules.Orders.Features.OrderPhotos;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Http;

namespace Wenming.Web.Modules.Orders;

/// <summary>
/// Order photos: upload and removal under /api/v1/orders/{id}/photos, and the download twice — by
/// bearer under /api and by cookie for pages — after the order's own access check, because the generic
/// /files routes are for staff only (ADR 0008) and the resident who ordered must see the photos too.
/// </summary>
public static class OrderPhotoEndpoints
{
    public static RouteGroupBuilder MapOrderPhotos(this RouteGroupBuilder orders)
    {
        // Passed as a Delegate so that the request delegate generator leaves it to the runtime binder (ADR 0073): the
        // generated metadata drops the name of the [FromForm] caption from the OpenAPI document.
        Delegate addPhoto = async Task<Results<Created<OrderPhotoDto>, ProblemHttpResult>> (
            long id, IFormFile? file, [FromForm] string? caption, OrderPhotosHandler handler, CancellationToken ct) =>
        {
            await using var content = file?.OpenReadStream();
            return ApiResults.CreatedOr(await handler.AddAsync(id, new AddOrderPhotoRequest(file?.FileName, content, caption), ct), p => p.Url);
        };
#pragma warning disable RDG002 // on purpose: built at run time, see above
        orders.MapPost("/{id:long}/photos", addPhoto)
#pragma warning restore RDG002
            // The API authenticates by bearer token only (no cookie), so a form post here cannot be forged cross-site.
            .DisableAntiforgery()
            .WithSummary("上传服务照片（multipart：file、caption；服务队长或管理员，接单后、报告完成前，每单最多 9 张）");

        orders.MapDelete("/{id:long}/photos/{photoId:long}", async Task<Results<NoContent, ProblemHttpResult>> (
            long id, long photoId, OrderPhotosHandler handler, CancellationToken ct) =>
        {
            var result = await handler.RemoveAsync(id, photoId, ct);
            return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
        })
            .WithSummary("删除服务照片（报告完成后不可删除）");

        orders.MapGet("/{id:long}/photos/{photoId:long}", async (long id, long photoId, OrderPhotosHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var opened = await handler.OpenAsync(id, photoId, ct);
            if (!opened.IsSuccess)
            {
                return ApiResults.Problem(opened.Error!);
            }

            await FilesSetup.WriteAsync(opened.Value, http.Response, ct);
            return Results.Empty;
        })
            .WithSummary("下载服务照片（能查看该点单的人，包括点单群众）");
        return orders;
    }

    /// <summary>The photo for pages (cookie); outside /api, so refusals are the site's error pages.</summary>
    public static WebApplication MapOrderPhotoPages(this WebApplication app)
    {
        app.MapGet("/orders/{id:long}/photos/{photoId:long}", async (long id, long photoId, OrderPhotosHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var opened = await handler.OpenAsync(id, photoId, ct);
            if (!opened.IsSuccess)
            {
                return Results.StatusCode((int)opened.Error!.Kind);
            }

            await FilesSetup.WriteAsync(opened.Value, http.Response, ct);
            return Results.Empty;
        })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}
