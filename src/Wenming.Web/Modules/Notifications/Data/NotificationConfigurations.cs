using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Notifications.Domain;

namespace Wenming.Web.Modules.Notifications.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("ntf_notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Title).HasMaxLength(Notification.TitleMax);
        b.Property(n => n.Body).HasMaxLength(Notification.BodyMax);
        b.Property(n => n.Link).HasMaxLength(Notification.LinkMax);
        // The inbox: one account's messages, newest first, and its unread count.
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("ntf_preferences");
        b.HasKey(p => p.PersonId);
        b.Property(p => p.PersonId).ValueGeneratedNever();
    }
}
