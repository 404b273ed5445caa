using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Orders.Domain;

namespace Wenming.Web.Modules.Orders.Data;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.ToTable("ord_service_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Name).HasMaxLength(100);
        b.Property(i => i.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(i => i.Description).HasMaxLength(500);
        b.Property(i => i.TeamIdList).HasMaxLength(500);
        b.Ignore(i => i.TeamIds);
        b.HasIndex(i => i.OrgUnitId);
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    /// <summary>
    /// The open orders, as EF Core writes the statistics' condition (<c>Status IN (…)</c>, in this order): SQLite takes a
    /// partial index only for a query that holds the very same term.
    /// </summary>
    internal const string OpenOrdersFilter = "\"Status\" IN ('Submitted', 'Dispatched', 'Accepted')";

    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("ord_orders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Description).HasMaxLength(1000);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.ContactPhone).HasMaxLength(20);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.DispatchMode).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.RejectReason).HasMaxLength(500);
        b.Property(o => o.Summary).HasMaxLength(1000);
        b.Property(o => o.RatingComment).HasMaxLength(500);
        b.Property(o => o.FirstHandlerName).HasMaxLength(64);
        b.Ignore(o => o.AwaitsClaim);
        // A department's board: the orders passed to it (ADR 0060).
        b.HasIndex(o => o.DepartmentId);
        // Every change bumps the version: UPDATE … WHERE "Version" = @seen, so two actors (or two job
        // instances) cannot both move one order, even through a round trip back to the same status.
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(o => o.OrgUnitId);
        b.HasIndex(o => o.HandlingUnitId);
        b.HasIndex(o => o.RequesterPersonId);
        b.HasIndex(o => o.TeamId);
        // The deadline job's scan: open steps by deadline.
        b.HasIndex(o => new { o.Status, o.DeadlineAt });
        // The statistics' lights count the window's orders per unit from the rows (ADR 0061): one range per unit.
        b.HasIndex(o => new { o.OrgUnitId, o.SubmittedAt });
        // The roll-up flush recomputes a completion day of a few units (ADR 0061, 0064).
        b.HasIndex(o => new { o.OrgUnitId, o.CompletedAt });
        // The lights of the open orders are counted per request (ADR 0066): the window's open orders of the units,
        // without reading the completed ones, whose lights are rolled up. Partial (ADR 0075): it holds only the open
        // orders, so a planner that knows only "a quarter of the rows per status" (SQLite's statistics) still takes it
        // over the unit and submission index, which reads every order of the window.
        b.HasIndex(o => new { o.OrgUnitId, o.SubmittedAt }, "IX_ord_orders_Open_OrgUnitId_SubmittedAt").HasFilter(OpenOrdersFilter);
    }
}

internal sealed class OrderHistoryConfiguration : IEntityTypeConfiguration<OrderHistory>
{
    public void Configure(EntityTypeBuilder<OrderHistory> b)
    {
        b.ToTable("ord_order_history");
        b.HasKey(h => h.Id);
        b.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.Action).HasConversion<string>().HasMaxLength(16);
        b.Property(h => h.Note).HasMaxLength(500);
        b.HasIndex(h => h.OrderId);
    }
}

internal sealed class OrderDeadlineRuleConfiguration : IEntityTypeConfiguration<OrderDeadlineRule>
{
    public void Configure(EntityTypeBuilder<OrderDeadlineRule> b)
    {
        b.ToTable("ord_deadline_rules");
        b.HasKey(r => r.Id);
        b.Ignore(r => r.Deadlines);
        b.HasIndex(r => r.CountyId).IsUnique();
    }
}
