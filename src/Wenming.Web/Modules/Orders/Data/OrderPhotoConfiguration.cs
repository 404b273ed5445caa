using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Orders.Domain;

namespace Wenming.Web.Modules.Orders.Data;

internal sealed class OrderPhotoConfiguration : IEntityTypeConfiguration<OrderPhoto>
{
    public void Configure(EntityTypeBuilder<OrderPhoto> b)
    {
        b.ToTable("ord_order_photos");
        b.HasKey(p => p.Id);
        b.Property(p => p.Caption).HasMaxLength(OrderPhoto.MaxCaptionLength);
        b.HasIndex(p => p.OrderId);
        b.HasIndex(p => p.OrgUnitId);
        b.HasIndex(p => p.FileId).IsUnique();
    }
}
