using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class TopicConfiguration : IEntityTypeConfiguration<TopicRecord>
{
    public void Configure(EntityTypeBuilder<TopicRecord> topic)
    {
        topic.ToTable("Topics");
        topic.HasKey(t => t.Name);
        topic.Property(t => t.Name).HasMaxLength(64);
    }
}
