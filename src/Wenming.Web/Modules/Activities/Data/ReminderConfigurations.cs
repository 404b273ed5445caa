using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Activities.Domain;

namespace Wenming.Web.Modules.Activities.Data;

internal sealed class ActivityReminderConfiguration : IEntityTypeConfiguration<ActivityReminder>
{
    public void Configure(EntityTypeBuilder<ActivityReminder> b)
    {
        b.ToTable("act_reminders");
        b.HasKey(r => new { r.ActivityId, r.VolunteerId });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("act_calendar_feeds");
        b.HasKey(f => f.PersonId);
        b.Property(f => f.PersonId).ValueGeneratedNever();
        b.Property(f => f.Token).HasMaxLength(32);
        b.HasIndex(f => f.Token).IsUnique();
    }
}
