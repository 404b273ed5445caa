using Wenming.Web.Modules.Orders.Features.OrderPhotos;

namespace Wenming.Web.Pages.Orders;

/// <summary>An order's photo thumbnails; <see cref="CanRemove"/> adds a delete button to each (order page, while serving).</summary>
public sealed record OrderPhotoStrip(long OrderId, IReadOnlyList<OrderPhotoDto> Photos, bool CanRemove);
