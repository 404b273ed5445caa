using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Market.Domain;

namespace Wenming.Web.Modules.Market.Data;

internal sealed class GoodsConfiguration : IEntityTypeConfiguration<Goods>
{
    public void Configure(EntityTypeBuilder<Goods> b)
    {
        b.ToTable("mkt_goods", t => t.HasCheckConstraint("CK_mkt_goods_Stock", "\"Stock\" >= 0"));
        b.HasKey(g => g.Id);
        b.Property(g => g.Name).HasMaxLength(Goods.MaxNameLength);
        b.Property(g => g.Description).HasMaxLength(Goods.MaxDescriptionLength);
        b.Property(g => g.Donor).HasMaxLength(Goods.MaxDonorLength);
        b.HasIndex(g => g.OrgUnitId);
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.ToTable("mkt_stock_movements");
        b.HasKey(m => m.Id);
        b.Property(m => m.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Donor).HasMaxLength(Goods.MaxDonorLength);
        b.Property(m => m.Note).HasMaxLength(StockMovement.MaxNoteLength);
        b.Property(m => m.ByName).HasMaxLength(64);
        b.HasIndex(m => m.GoodsId);
        b.HasIndex(m => m.OrgUnitId);
    }
}

internal sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> b)
    {
        b.ToTable("mkt_redemptions");
        b.HasKey(r => r.Id);
        b.Property(r => r.GoodsName).HasMaxLength(Goods.MaxNameLength);
        b.Property(r => r.PickupCode).HasMaxLength(6);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.PickedUpByName).HasMaxLength(64);
        b.Property(r => r.CancelledByName).HasMaxLength(64);
        // A code names one open redemption (the counter finds it by the code alone); once picked up or
        // cancelled it may be drawn again.
        b.HasIndex(r => r.PickupCode).IsUnique().HasFilter("\"Status\" = 'Open'");
        b.HasIndex(r => r.PersonId);
        b.HasIndex(r => r.GoodsId);
        b.HasIndex(r => r.OrgUnitId);
    }
}
