using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItemRecord>
{
    public void Configure(EntityTypeBuilder<ContentItemRecord> item)
    {
        item.ToTable("ContentItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.ContentItemId).HasMaxLength(64);
        item.HasIndex(i => i.ContentItemId).IsUnique();
        item.Property(i => i.ContentType).HasMaxLength(64);
        item.Property(i => i.IndexNumber).HasMaxLength(100);
        item.HasIndex(i => i.IndexNumber).IsUnique();
        item.Property(i => i.DepartmentCode).HasMaxLength(64);
        item.HasAgency();
        item.HasIndex(i => i.AgencyCode);
        item.Property(i => i.CreatedBy).HasMaxLength(256);
        // The annual report counts items first published in a year (section 一).
        item.HasIndex(i => i.FirstPublishedUtc);
        item.HasMany(i => i.Versions).WithOne(v => v.Item).HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
