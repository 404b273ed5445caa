using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Training.Domain;

namespace Wenming.Web.Modules.Training.Data;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("trn_courses");
        b.HasKey(c => c.Id);
        b.Property(c => c.Title).HasMaxLength(Course.MaxTitleLength);
        b.Property(c => c.Description).HasMaxLength(Course.MaxDescriptionLength);
        b.HasIndex(c => new { c.CountyId, c.Title }).IsUnique();
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.ToTable("trn_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Title).HasMaxLength(TrainingSession.MaxTitleLength);
        b.Property(s => s.Trainer).HasMaxLength(TrainingSession.MaxTrainerLength);
        b.Property(s => s.Place).HasMaxLength(TrainingSession.MaxPlaceLength);
        b.HasIndex(s => new { s.CountyId, s.StartsAt });
        b.HasIndex(s => s.OrgUnitId);
        b.HasIndex(s => s.CourseId);
    }
}

internal sealed class TrainingEnrollmentConfiguration : IEntityTypeConfiguration<TrainingEnrollment>
{
    public void Configure(EntityTypeBuilder<TrainingEnrollment> b)
    {
        b.ToTable("trn_enrollments");
        b.HasKey(e => e.Id);
        // One place per volunteer and session: the last word on "already enrolled" under concurrency.
        b.HasIndex(e => new { e.SessionId, e.VolunteerId }).IsUnique();
        b.HasIndex(e => e.VolunteerId);
    }
}

internal sealed class CourseRequirementConfiguration : IEntityTypeConfiguration<CourseRequirement>
{
    public void Configure(EntityTypeBuilder<CourseRequirement> b)
    {
        b.ToTable("trn_requirements");
        b.HasKey(r => r.Id);
        b.Property(r => r.Category).HasMaxLength(32);
        b.HasIndex(r => new { r.CountyId, r.Category }).IsUnique();
    }
}
