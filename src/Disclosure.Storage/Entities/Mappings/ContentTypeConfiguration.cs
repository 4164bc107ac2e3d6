using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class ContentTypeConfiguration : IEntityTypeConfiguration<ContentTypeRecord>
{
    public void Configure(EntityTypeBuilder<ContentTypeRecord> type)
    {
        type.ToTable("ContentTypes");
        type.HasKey(t => t.Name);
        type.Property(t => t.Name).HasMaxLength(64);
        type.Property(t => t.DisplayName).HasMaxLength(100);
    }
}
