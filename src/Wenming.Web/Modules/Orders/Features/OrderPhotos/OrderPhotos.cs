using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Localization;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Features.OrderPhotos;

/// <summary>One upload as the phone sent it, with an optional caption.</summary>
public sealed record AddOrderPhotoRequest(string? FileName, Stream? Content, string? Caption);

/// <summary>A photo as API.md shows it; <see cref="Url"/> is the order-scoped download (bearer), <see cref="PageUrl"/> the same for pages (cookie).</summary>
public sealed record OrderPhotoDto(long Id, long FileId, string ContentType, long Size, string? Caption, DateTimeOffset UploadedAt, string Url)
{
    public string PageUrl => Url["/api/v1".Length..];

    public static OrderPhotoDto From(OrderPhoto p, StoredFileInfo file) =>
        new(p.Id, file.Id, file.ContentType, file.Size, p.Caption, Text.ToChinaTime(p.UploadedAt), $"/api/v1/orders/{p.OrderId}/photos/{p.Id}");
}

/// <summary>
/// Photos of the service (issue 4). The serving team's leader, or an admin who manages the order,
/// adds and removes them while the order is accepted; everyone who may see the order (the resident
/// who ordered too) sees and downloads them. Access is decided by <see cref="OrderAccess"/> first; the
/// photo rows and files are then read and written unscoped, because the leader's and the resident's own
/// subtrees need not hold the order's unit (the same widening the order's steps make).
/// </summary>
public sealed class OrderPhotosHandler(AppDbContext db, CurrentActor actor, OrgScope scope, OrderAccess access, IFileStore files, TimeProvider clock)
{
    public async Task<Result<OrderPhotoDto>> AddAsync(long orderId, AddOrderPhotoRequest request, CancellationToken ct)
    {
        var found = await ChangeableAsync(orderId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var order = found.Value;
        if (request.Caption is { } caption && caption.Trim().Length > OrderPhoto.MaxCaptionLength)
        {
            return FieldErrors.TooLong("caption", "OrderPhotos.field.caption", OrderPhoto.MaxCaptionLength);
        }

        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            if (await db.Set<OrderPhoto>().CountAsync(p => p.OrderId == orderId, ct) >= OrderPhoto.MaxPerOrder)
            {
                return OrderErrors.Conflict("order.photos_full", "OrderPhotos.error.full", OrderPhoto.MaxPerOrder);
            }

            var staged = await files.AddAsync(request.FileName, request.Content, order.OrgUnitId, ct);
            if (!staged.IsSuccess)
            {
                // Nothing was saved: the staged file dies with the request.
                return staged.Error!;
            }

            if (!OrderPhoto.IsPhoto(staged.Value.ContentType))
            {
                // The store takes PDFs too; a service photo must be a picture the order page can show.
                // Untrack the staged file so that no later save on this request (the page's report) writes it.
                db.Entry(staged.Value.Content!).State = EntityState.Detached;
                db.Entry(staged.Value).State = EntityState.Detached;
                return FieldErrors.One("file", "order.photo_not_image", "OrderPhotos.error.not_image");
            }

            // File and photo row in one transaction: a photo never points at a missing file, and a failed
            // second save leaves no orphan file behind.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            var photo = OrderPhoto.Create(order, staged.Value.Id, request.Caption, actor.UserId, clock.GetUtcNow().UtcDateTime);
            db.Add(photo);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var info = (await files.DescribeAsync([staged.Value.Id], ct))[staged.Value.Id];
            return OrderPhotoDto.From(photo, info);
        }
    }

    public async Task<Result<bool>> RemoveAsync(long orderId, long photoId, CancellationToken ct)
    {
        var found = await ChangeableAsync(orderId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            var photo = await db.Set<OrderPhoto>().SingleOrDefaultAsync(p => p.Id == photoId && p.OrderId == orderId, ct);
            if (photo is null)
            {
                return PhotoNotFound();
            }

            db.Remove(photo);
            await files.RemoveAsync(photo.FileId, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }

    /// <summary>A photo's bytes for whoever may see the order (404 for the rest, like the order itself).</summary>
    public async Task<Result<FileDownload>> OpenAsync(long orderId, long photoId, CancellationToken ct)
    {
        var found = await access.FindAsync(orderId, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            var fileId = await db.Set<OrderPhoto>().AsNoTracking().Where(p => p.Id == photoId && p.OrderId == orderId).Select(p => (long?)p.FileId).SingleOrDefaultAsync(ct);
            return fileId is { } id && await files.OpenAsync(id, ct) is { } file ? file : PhotoNotFound();
        }
    }

    /// <summary>The photos of orders the caller has already been allowed to see, oldest first.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<OrderPhotoDto>>> OfOrdersAsync(IReadOnlyCollection<long> orderIds, CancellationToken ct)
    {
        if (orderIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<OrderPhotoDto>>();
        }

        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            var photos = await db.Set<OrderPhoto>().AsNoTracking().Where(p => orderIds.Contains(p.OrderId)).OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).ToListAsync(ct);
            var infos = await files.DescribeAsync([.. photos.Select(p => p.FileId)], ct);
            return photos.Where(p => infos.ContainsKey(p.FileId)).GroupBy(p => p.OrderId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<OrderPhotoDto>)[.. g.Select(p => OrderPhotoDto.From(p, infos[p.FileId]))]);
        }
    }

    /// <summary>The order, if the caller leads its serving team or manages it, and it is still being served.</summary>
    private async Task<Result<Order>> ChangeableAsync(long orderId, CancellationToken ct)
    {
        var found = await access.FindAsync(orderId, track: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (order, viewer) = found.Value;
        var leads = actor.Has(Role.TeamLeader) && order.TeamId is { } teamId && viewer.ServingTeams.Any(t => t.Id == teamId);
        if (!leads && !viewer.IsManager)
        {
            return Error.Forbidden();
        }

        return OrderPhoto.CanChange(order.Status) ? order : OrderErrors.Conflict("order.photos_closed", "OrderPhotos.error.closed");
    }

    private static Error PhotoNotFound() => new("order.photo_not_found", ErrorKind.NotFound, Text.Get("OrderPhotos.error.not_found"));
}
