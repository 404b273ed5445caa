using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Activities.Domain;

namespace Wenming.Web.Modules.Activities.Data;

internal sealed class CheckInKeyConfiguration : IEntityTypeConfiguration<CheckInKey>
{
    public void Configure(EntityTypeBuilder<CheckInKey> b)
    {
        b.ToTable("act_check_in_keys");
        b.HasKey(k => k.ActivityId);
        b.Property(k => k.ActivityId).ValueGeneratedNever();
    }
}
