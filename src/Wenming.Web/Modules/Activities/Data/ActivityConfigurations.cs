using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Activities.Domain;

namespace Wenming.Web.Modules.Activities.Data;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("act_activities");
        b.HasKey(a => a.Id);
        b.Property(a => a.Title).HasMaxLength(100);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.Place).HasMaxLength(200);
        b.Property(a => a.RecruitmentConditions).HasMaxLength(500);
        // The status is the concurrency token: publish and cancel racing on one activity cannot both win.
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.HasIndex(a => a.OrgUnitId);
        b.HasIndex(a => new { a.Status, a.StartsAt });
        b.HasIndex(a => new { a.SeriesId, a.StartsAt });
    }
}

internal sealed class ActivitySeriesConfiguration : IEntityTypeConfiguration<ActivitySeries>
{
    public void Configure(EntityTypeBuilder<ActivitySeries> b)
    {
        b.ToTable("act_series");
        b.HasKey(s => s.Id);
        b.Property(s => s.Title).HasMaxLength(100);
        b.Property(s => s.Frequency).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.DaysOfWeek).HasMaxLength(20);
        b.Ignore(s => s.Days);
        b.HasIndex(s => s.OrgUnitId);
    }
}

internal sealed class EnrollmentConfiguration : IEntityTypeConfiguration<Enrollment>
{
    public void Configure(EntityTypeBuilder<Enrollment> b)
    {
        b.ToTable("act_enrollments");
        b.HasKey(e => e.Id);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.CheckInMethod).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.CheckOutMethod).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(e => new { e.ActivityId, e.VolunteerId }).IsUnique();
        b.HasIndex(e => new { e.VolunteerId, e.StartsAt });
    }
}

internal sealed class VolunteerSignUpLockConfiguration : IEntityTypeConfiguration<VolunteerSignUpLock>
{
    public void Configure(EntityTypeBuilder<VolunteerSignUpLock> b)
    {
        b.ToTable("act_volunteer_locks");
        b.HasKey(l => l.VolunteerId);
        b.Property(l => l.VolunteerId).ValueGeneratedNever();
    }
}
