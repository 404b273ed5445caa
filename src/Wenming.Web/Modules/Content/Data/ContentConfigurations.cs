using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wenming.Web.Modules.Content.Domain;

namespace Wenming.Web.Modules.Content.Data;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.ToTable("content_articles");
        b.HasKey(a => a.Id);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Title).HasMaxLength(Article.MaxTitleLength);
        b.Property(a => a.Summary).HasMaxLength(Article.MaxSummaryLength);
        b.Property(a => a.Body).HasMaxLength(Article.MaxBodyLength);
        // Two reviewers at once change the status from the one they read: one wins, the other gets 409.
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(a => a.AuthorName).HasMaxLength(64);
        b.Property(a => a.FirstReviewerName).HasMaxLength(64);
        b.Property(a => a.ApprovedByName).HasMaxLength(64);
        b.Property(a => a.PublishedByName).HasMaxLength(64);
        b.Property(a => a.RejectReason).HasMaxLength(Article.MaxReasonLength);
        b.HasIndex(a => a.OrgUnitId);
        // The portal's read: live articles of a few units, newest first.
        b.HasIndex(a => new { a.Status, a.OrgUnitId, a.PublishedAt });
    }
}

internal sealed class ContentSettingsConfiguration : IEntityTypeConfiguration<ContentSettings>
{
    public void Configure(EntityTypeBuilder<ContentSettings> b)
    {
        b.ToTable("content_settings");
        b.HasKey(s => s.CountyId);
        b.Property(s => s.CountyId).ValueGeneratedNever();
    }
}
