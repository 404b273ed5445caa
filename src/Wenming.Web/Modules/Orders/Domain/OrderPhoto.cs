using Wenming.Web.Platform.Files;
using Wenming.Web.Platform.Scope;

namespace Wenming.Web.Modules.Orders.Domain;

/// <summary>
/// A photo of the service, attached by the serving team's leader while the order is accepted. The
/// bytes are a <see cref="StoredFile"/>; this row ties it to the order and sits in the
/// order's unit (<see cref="OrgUnitId"/>), so the station sees it like the order itself.
/// </summary>
public sealed class OrderPhoto : IOrgScoped
{
    /// <summary>Nine: a phone's photo grid, enough to show the work, few enough to read on the order page.</summary>
    public const int MaxPerOrder = 9;

    public const int MaxCaptionLength = 100;

    private OrderPhoto()
    {
    }

    public long Id { get; private set; }

    public long OrderId { get; private set; }

    public long OrgUnitId { get; private set; }

    public long FileId { get; private set; }

    public string? Caption { get; private set; }

    public DateTime UploadedAt { get; private set; }

    public long? UploadedByUserId { get; private set; }

    public static OrderPhoto Create(Order order, long fileId, string? caption, long? by, DateTime nowUtc) => new()
    {
        OrderId = order.Id,
        OrgUnitId = order.OrgUnitId,
        FileId = fileId,
        Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
        UploadedAt = nowUtc,
        UploadedByUserId = by,
    };

    /// <summary>A photo is a picture (JPEG, PNG, WebP as the file store reads the bytes); the store's PDFs are not.</summary>
    public static bool IsPhoto(string contentType) => FileSniffer.IsImage(contentType);

    /// <summary>Photos are added and removed only while the team is serving; after the report they are evidence.</summary>
    public static bool CanChange(OrderStatus status) => status == OrderStatus.Accepted;
}
