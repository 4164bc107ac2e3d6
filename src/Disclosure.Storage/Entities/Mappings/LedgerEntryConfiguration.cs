using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.ToTable("Ledger");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(32);
        entry.Property(e => e.ContentItemId).HasMaxLength(64);
        entry.Property(e => e.ContentHash).HasMaxLength(64);
        entry.Property(e => e.Detail).HasMaxLength(1000);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.KeyId).HasMaxLength(32);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasIndex(e => e.ContentItemId);
    }
}
