using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Channels.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("OutboxMessages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Stream).HasMaxLength(300);
        message.Property(m => m.Channel).HasMaxLength(32);
        message.Property(m => m.Target).HasMaxLength(64);
        message.Property(m => m.ContentItemId).HasMaxLength(64);
        message.Property(m => m.ContentType).HasMaxLength(64);
        message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.IdempotencyKey).HasMaxLength(200);
        message.HasIndex(m => m.IdempotencyKey).IsUnique();
        message.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.LockToken).HasMaxLength(64);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.RemoteId).HasMaxLength(200);
        message.Property(m => m.RemoteUrl).HasMaxLength(1000);

        // The claim looks for due pending messages, and for an older pending one in the same stream.
        message.HasIndex(m => new { m.State, m.NextAttemptUtc });
        message.HasIndex(m => new { m.Stream, m.State });
        message.HasIndex(m => m.ContentItemId);
    }
}
