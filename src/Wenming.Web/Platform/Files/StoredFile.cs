using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Platform.Audit;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Platform.Files;

/// <summary>
/// An uploaded file's description. It belongs to an org unit like any business row, so the scope
/// filter decides who can find it; the bytes live in <see cref="StoredFileContent"/> so that listing
/// and auditing a file never drags megabytes along.
/// </summary>
public sealed class StoredFile : IOrgScoped
{
    private StoredFile()
    {
    }

    public long Id { get; private set; }

    public long OrgUnitId { get; private set; }

    /// <summary>The name the uploader's device gave it (path parts removed); shown and offered when downloading, never trusted for the type.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Decided from the first bytes (<see cref="FileSniffer"/>), not from the name or the client's header.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the bytes: evidence that an archived file was not swapped later.</summary>
    public string Sha256 { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }

    public long? UploadedByUserId { get; private set; }

    public StoredFileContent? Content { get; private set; }

    internal static StoredFile Create(long orgUnitId, string fileName, string contentType, byte[] bytes, string sha256, long? by, DateTime nowUtc) => new()
    {
        OrgUnitId = orgUnitId,
        FileName = fileName,
        ContentType = contentType,
        Size = bytes.LongLength,
        Sha256 = sha256,
        UploadedAt = nowUtc,
        UploadedByUserId = by,
        Content = new StoredFileContent { Bytes = bytes },
    };
}

/// <summary>The bytes of a <see cref="StoredFile"/>. Not audited: the log records the file's description and hash, not its content.</summary>
[NotAudited]
public sealed class StoredFileContent
{
    public long FileId { get; set; }

    public byte[] Bytes { get; set; } = [];
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("plat_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.FileName).HasMaxLength(FileStore.MaxFileNameLength);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasIndex(f => f.OrgUnitId);
        b.HasOne(f => f.Content).WithOne().HasForeignKey<StoredFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> b)
    {
        b.ToTable("plat_file_contents");
        b.HasKey(c => c.FileId);
        b.Property(c => c.FileId).ValueGeneratedNever();
    }
}
