using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersionRecord>
{
    public void Configure(EntityTypeBuilder<ContentVersionRecord> version)
    {
        version.ToTable("ContentVersions");
        version.HasKey(v => v.Id);
        version.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        version.Property(v => v.ContentType).HasMaxLength(64);
        version.Property(v => v.Title).HasMaxLength(200);
        version.Property(v => v.ContentHash).HasMaxLength(64);
        version.Property(v => v.CatalogueCode).HasMaxLength(32);
        version.Property(v => v.AgencyCode).HasMaxLength(64);
        version.Property(v => v.DocumentNumber).HasMaxLength(100);
        version.Property(v => v.CreatedBy).HasMaxLength(256);
        version.Property(v => v.PublishedBy).HasMaxLength(256);
        version.Property(v => v.WithdrawnBy).HasMaxLength(256);
        version.Property(v => v.WithdrawReason).HasMaxLength(500);
        version.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();

        // At most one published version per item, enforced by the database itself. The filter is written
        // in SQL that SQLite and PostgreSQL both accept.
        version.HasIndex(v => v.ItemId, "IX_ContentVersions_OnePublishedPerItem").IsUnique().HasFilter("\"Status\" = 'Published'");

        version.HasIndex(v => new { v.Status, v.PublishedUtc });
        version.HasIndex(v => new { v.Status, v.ContentType, v.PublishedUtc });
        version.HasIndex(v => new { v.Status, v.CatalogueCode, v.PublishedUtc });
        version.HasIndex(v => new { v.Status, v.AgencyCode, v.PublishedUtc });
        version.HasIndex(v => new { v.Status, v.ScheduledUtc });
    }
}
