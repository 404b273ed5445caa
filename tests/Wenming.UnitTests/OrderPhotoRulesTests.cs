using Wenming.Web.Modules.Orders.Domain;
using Wenming.Web.Platform.Files;

namespace Wenming.UnitTests;

/// <summary>When an order's photos may change, and what counts as a photo (issue 4).</summary>
public sealed class OrderPhotoRulesTests
{
    [Theory]
    [InlineData(OrderStatus.Accepted, true)]
    [InlineData(OrderStatus.Submitted, false)]
    [InlineData(OrderStatus.Dispatched, false)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Rated, false)]
    [InlineData(OrderStatus.Closed, false)]
    [InlineData(OrderStatus.Withdrawn, false)]
    [InlineData(OrderStatus.Rejected, false)]
    public void Photos_ChangeOnlyWhileTheTeamServes(OrderStatus status, bool changeable) =>
        Assert.Equal(changeable, OrderPhoto.CanChange(status));

    [Fact]
    public void EveryStatus_IsDecided() =>
        Assert.Single(Enum.GetValues<OrderStatus>(), OrderPhoto.CanChange);

    [Theory]
    [InlineData(FileSniffer.Jpeg, true)]
    [InlineData(FileSniffer.Png, true)]
    [InlineData(FileSniffer.WebP, true)]
    [InlineData(FileSniffer.Pdf, false)]
    public void APhoto_IsAPicture(string contentType, bool photo) =>
        Assert.Equal(photo, OrderPhoto.IsPhoto(contentType));

    [Fact]
    public void TheLimit_IsNinePerOrder() => Assert.Equal(9, OrderPhoto.MaxPerOrder);
}
