using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Volunteers.Domain;

namespace Wenming.Web.Modules.Volunteers.Data;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.ToTable("vol_volunteers");
        b.HasKey(v => v.Id);
        b.Property(v => v.VolunteerNumber).HasMaxLength(12);
        // The status is the concurrency token: two reviewers deciding the same registration at once
        // cannot both win (the second UPDATE matches no row and answers 409).
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(v => v.Skills).HasMaxLength(200);
        b.Property(v => v.ServiceAreas).HasMaxLength(200);
        b.Property(v => v.Availability).HasMaxLength(200);
        b.Property(v => v.GuardianName).HasMaxLength(50);
        b.Property(v => v.GuardianRelation).HasMaxLength(20);
        b.Property(v => v.GuardianPhone).HasMaxLength(11);
        b.Property(v => v.RejectReason).HasMaxLength(200);
        b.HasIndex(v => v.PersonId).IsUnique();
        b.HasIndex(v => v.VolunteerNumber).IsUnique();
        b.HasIndex(v => v.OrgUnitId);
        b.HasIndex(v => v.Status);
    }
}

internal sealed class VolunteerNumberCounterConfiguration : IEntityTypeConfiguration<VolunteerNumberCounter>
{
    public void Configure(EntityTypeBuilder<VolunteerNumberCounter> b)
    {
        b.ToTable("vol_number_counters");
        b.HasKey(c => c.CountyId);
        b.Property(c => c.CountyId).ValueGeneratedNever();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("vol_teams");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Category).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(t => t.OrgUnitId);
        b.HasIndex(t => t.LeaderVolunteerId);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("vol_team_members");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.TeamId, m.VolunteerId }).IsUnique();
        b.HasIndex(m => m.VolunteerId);
        b.HasIndex(m => m.OrgUnitId);
    }
}
