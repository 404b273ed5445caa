using Microsoft.EntityFrameworkCore;
using Wenming.Web.Modules.Venues.Domain;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Venues.Features;

/// <summary>A photo being uploaded: the name the device gave it and its bytes.</summary>
public sealed record VenuePhotoUpload(string? FileName, Stream Content);

/// <summary>A venue's photo in its JSON: <paramref name="Url"/> serves the bytes to whoever may see the venue.</summary>
public sealed record VenuePhotoDto(long Id, string ContentType, long Size, string Url);

/// <summary>
/// A venue's photos (issue 17), the visit photos' pattern (ADR 0055): admins of the owning unit add up to six and
/// remove them; the files are stored under the owning unit, and every file and photo row of one upload is saved in one
/// transaction, so a refused file (not an image, too large, one too many) leaves nothing behind. Venues are seen
/// county-wide while files are org-scoped, so a photo is opened past the scope after the venue's own check.
/// </summary>
public sealed class VenuePhotosHandler(AppDbContext db, CurrentActor actor, VenuesHandler venues, IFileStore files, OrgScope scope, TimeProvider clock)
{
    public async Task<Result<VenueDto>> AddAsync(long venueId, IReadOnlyList<VenuePhotoUpload> uploads, CancellationToken ct)
    {
        var managed = await ManagedAsync(venueId, ct);
        if (!managed.IsSuccess)
        {
            return managed.Error!;
        }

        var venue = managed.Value;
        if (uploads.Count == 0)
        {
            return FieldErrors.One("photos", "file.empty", "file.empty");
        }

        var held = await db.Set<VenuePhoto>().CountAsync(p => p.VenueId == venue.Id, ct);
        if (held + uploads.Count > VenuePhoto.MaxPerVenue)
        {
            return FieldErrors.One("photos", "venue.photos_too_many", "Venues.error.photos_too_many", VenuePhoto.MaxPerVenue, held);
        }

        var staged = new List<StoredFile>();
        foreach (var upload in uploads)
        {
            var file = await files.AddAsync(upload.FileName, upload.Content, venue.OrgUnitId, ct, field: "photos");
            if (file.IsSuccess)
            {
                staged.Add(file.Value);
            }

            if (!file.IsSuccess || !FileSniffer.IsImage(file.Value.ContentType))
            {
                // Nothing is saved: untrack what was staged so no later save of this request writes it.
                foreach (var s in staged)
                {
                    db.Entry(s.Content!).State = EntityState.Detached;
                    db.Entry(s).State = EntityState.Detached;
                }

                return file.IsSuccess ? FieldErrors.One("photos", "venue.photo_not_image", "Venues.error.photo_not_image") : file.Error!;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            foreach (var file in staged)
            {
                db.Add(VenuePhoto.Of(venue, file.Id, now));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return VenueDto.From(venue, canManage: true, (await venues.PhotosAsync([venue.Id], ct)).GetValueOrDefault(venue.Id) ?? []);
    }

    public async Task<Result<VenueDto>> RemoveAsync(long venueId, long photoId, CancellationToken ct)
    {
        var managed = await ManagedAsync(venueId, ct);
        if (!managed.IsSuccess)
        {
            return managed.Error!;
        }

        var venue = managed.Value;
        if (await db.Set<VenuePhoto>().SingleOrDefaultAsync(p => p.Id == photoId && p.VenueId == venue.Id, ct) is not { } photo)
        {
            return VenueErrors.PhotoNotFound();
        }

        // The row and its file (bytes with it) go together.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Remove(photo);
            await files.RemoveAsync(photo.FileId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return VenueDto.From(venue, canManage: true, (await venues.PhotosAsync([venue.Id], ct)).GetValueOrDefault(venue.Id) ?? []);
    }

    /// <summary>A photo's bytes for whoever may see the venue (every admin and supervisor of its county); 404 for the rest.</summary>
    public async Task<Result<FileDownload>> OpenAsync(long venueId, long photoId, CancellationToken ct)
    {
        var venue = await venues.GetAsync(venueId, ct);
        if (!venue.IsSuccess)
        {
            return venue.Error!;
        }

        var fileId = await db.Set<VenuePhoto>().AsNoTracking().Where(p => p.Id == photoId && p.VenueId == venueId).Select(p => (long?)p.FileId).SingleOrDefaultAsync(ct);
        if (fileId is null)
        {
            return VenueErrors.PhotoNotFound();
        }

        // The venue's check above authorized it; the file sits under the owning unit, outside a village's subtree.
        using (scope.Unscoped(because: Why.CrossUnitReference))
        {
            return await files.OpenAsync(fileId.Value, ct) is { } file ? file : VenueErrors.PhotoNotFound();
        }
    }

    /// <summary>The venue, tracked, when the caller administers its owning unit: 404 if not in the county, 403 if someone else's.</summary>
    private async Task<Result<Venue>> ManagedAsync(long venueId, CancellationToken ct)
    {
        if (actor.RequireAdmin() is { } forbidden)
        {
            return forbidden;
        }

        if (await venues.Visible().SingleOrDefaultAsync(v => v.Id == venueId, ct) is not { } venue)
        {
            return VenueErrors.VenueNotFound();
        }

        return await venues.CanManageAsync(venue, ct) ? venue : Error.Forbidden();
    }
}
