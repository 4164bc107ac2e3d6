using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public void Configure(EntityTypeBuilder<ChangeLogEntry> entry)
    {
        entry.ToTable("ChangeLog");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.ContentItemId).HasMaxLength(64);
        entry.Property(e => e.ContentType).HasMaxLength(64);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        entry.HasIndex(e => e.ContentItemId);
    }
}
