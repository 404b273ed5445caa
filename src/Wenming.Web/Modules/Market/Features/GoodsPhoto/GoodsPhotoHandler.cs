using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Market.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Market.Features.GoodsPhoto;

/// <summary>
/// The goods' picture (optional): admins of the goods' unit set or replace it (JPEG/PNG/WebP by their bytes,
/// kept in the file store under the goods' unit); whoever may see the goods — residents shopping there
/// too — downloads it through the goods' own check, since the generic /files routes are staff-only (ADR 0008).
/// </summary>
public sealed class GoodsPhotoHandler(AppDbContext db, CurrentActor actor, OrgScope scope, MarketAccess access, IFileStore files, TimeProvider clock)
{
    public async Task<Result<GoodsDto>> SetAsync(long goodsId, string? fileName, Stream? content, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await db.Set<Goods>().SingleOrDefaultAsync(g => g.Id == goodsId, ct) is not { } goods)
        {
            return MarketErrors.GoodsNotFound();
        }

        var staged = await files.AddAsync(fileName, content, goods.OrgUnitId, ct, field: "file");
        if (!staged.IsSuccess)
        {
            return staged.Error!;
        }

        if (!FileSniffer.IsImage(staged.Value.ContentType))
        {
            // The store takes PDFs too; a shelf picture must be an image the shop can show.
            db.Entry(staged.Value.Content!).State = EntityState.Detached;
            db.Entry(staged.Value).State = EntityState.Detached;
            return FieldErrors.One("file", "goods.photo_not_image", "Market.error.photo_not_image");
        }

        // The new file, the goods row and the old file's removal in one transaction: the goods never
        // point at a missing file and no replaced picture is left behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (goods.PhotoFileId is { } old)
        {
            await files.RemoveAsync(old, ct);
        }

        goods.SetPhoto(staged.Value.Id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return GoodsDto.From(goods);
    }

    public async Task<Result<FileDownload>> OpenAsync(long goodsId, CancellationToken ct)
    {
        if (await access.VisibleGoodsAsync(goodsId, ct) is not { PhotoFileId: { } fileId })
        {
            return MarketErrors.GoodsNotFound();
        }

        // A resident may see goods of the township above them: the goods' check above authorized the file.
        using (scope.Unscoped(because: Why.UnitAbove))
        {
            return await files.OpenAsync(fileId, ct) is { } file ? file : MarketErrors.GoodsNotFound();
        }
    }
}
