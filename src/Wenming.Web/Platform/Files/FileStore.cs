using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wenming.Web.Platform.Data;
using Wenming.Web.Platform.Errors;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Files;

/// <summary>Settings under <c>Files:</c>.</summary>
public sealed class FileStoreOptions
{
    /// <summary>The largest file accepted (8 MB: a phone photo at full resolution, a scanned sheet).</summary>
    public long MaxBytes { get; set; } = 8 * 1024 * 1024;
}

/// <summary>What a module may know of a stored file.</summary>
public sealed record StoredFileInfo(long Id, long OrgUnitId, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, long? UploadedByUserId)
{
    public bool IsImage => FileSniffer.IsImage(ContentType);

    /// <summary>Where the API serves it (bearer token).</summary>
    public string ApiUrl => $"/api/v1/files/{Id}";

    /// <summary>Where pages link to it (cookie).</summary>
    public string PageUrl => $"/files/{Id}";

    internal static StoredFileInfo From(StoredFile f) => new(f.Id, f.OrgUnitId, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedAt, f.UploadedByUserId);
}

public sealed record FileDownload(StoredFileInfo Info, byte[] Bytes);

/// <summary>
/// Files kept in the database (web nodes keep no state, DESIGN §13; ADR 0008), checked by their
/// bytes, scoped to an org unit. A module stages a file with <see cref="AddAsync"/> next to its own
/// rows and saves both with one <c>SaveChangesAsync</c>; the file's id is set by that save.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Reads at most the size limit (+1 byte to notice more) from <paramref name="content"/>, checks it
    /// (<c>file.empty</c>, <c>file.too_large</c>, <c>file.type_not_allowed</c> on the field <paramref name="field"/>)
    /// and stages it under <paramref name="orgUnitId"/>. Nothing is written until the caller saves.
    /// </summary>
    Task<Result<StoredFile>> AddAsync(string? fileName, Stream? content, long orgUnitId, CancellationToken ct, string field = "file");

    /// <summary>Descriptions of the files with these ids that are in the caller's scope.</summary>
    Task<IReadOnlyDictionary<long, StoredFileInfo>> DescribeAsync(IReadOnlyCollection<long> ids, CancellationToken ct);

    /// <summary>A file in the caller's scope with its bytes, or null.</summary>
    Task<FileDownload?> OpenAsync(long id, CancellationToken ct);

    /// <summary>Stages the deletion of a file in the caller's scope (its bytes go with it); false if not found.</summary>
    Task<bool> RemoveAsync(long id, CancellationToken ct);
}

internal sealed class FileStore(AppDbContext db, CurrentActor actor, TimeProvider clock, IOptions<FileStoreOptions> options) : IFileStore
{
    public const int MaxFileNameLength = 200;

    public async Task<Result<StoredFile>> AddAsync(string? fileName, Stream? content, long orgUnitId, CancellationToken ct, string field = "file")
    {
        var max = options.Value.MaxBytes;
        if (content is null)
        {
            return Error.Field(field, "file.empty");
        }

        // Read through a bounded buffer: a client's Content-Length is a claim too.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return Error.Field(field, "file.too_large", FormatSize(max));
            }
        }

        if (buffer.Length == 0)
        {
            return Error.Field(field, "file.empty");
        }

        var bytes = buffer.ToArray();
        if (FileSniffer.Sniff(bytes) is not { } contentType)
        {
            return Error.Field(field, "file.type_not_allowed");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var file = StoredFile.Create(orgUnitId, CleanName(fileName, contentType), contentType, bytes, hash, actor.UserId, clock.GetUtcNow().UtcDateTime);
        db.Add(file);
        return file;
    }

    public async Task<IReadOnlyDictionary<long, StoredFileInfo>> DescribeAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, StoredFileInfo>();
        }

        var files = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        return files.ToDictionary(f => f.Id, StoredFileInfo.From);
    }

    public async Task<FileDownload?> OpenAsync(long id, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().Include(f => f.Content).SingleOrDefaultAsync(f => f.Id == id, ct);
        return file?.Content is null ? null : new FileDownload(StoredFileInfo.From(file), file.Content.Bytes);
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken ct)
    {
        var file = await db.Set<StoredFile>().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return false;
        }

        // The content row goes by the foreign key's ON DELETE CASCADE, without being loaded.
        db.Remove(file);
        return true;
    }

    /// <summary>"8 MB", for the message.</summary>
    internal static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    /// <summary>The last path segment, without control characters, short enough for the column; a name of the right kind if none is left.</summary>
    internal static string CleanName(string? fileName, string contentType)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c) && c != '"')]).Trim();
        if (name.Length == 0)
        {
            name = "file" + contentType switch
            {
                FileSniffer.Jpeg => ".jpg",
                FileSniffer.Png => ".png",
                FileSniffer.WebP => ".webp",
                _ => ".pdf",
            };
        }

        return name.Length <= MaxFileNameLength ? name : name[^MaxFileNameLength..];
    }
}
