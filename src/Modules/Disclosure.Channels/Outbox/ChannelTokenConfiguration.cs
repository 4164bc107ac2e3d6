using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Channels.Outbox;

internal sealed class ChannelTokenConfiguration : IEntityTypeConfiguration<ChannelToken>
{
    public void Configure(EntityTypeBuilder<ChannelToken> token)
    {
        token.ToTable("ChannelTokens");
        token.HasKey(t => t.Name);
        token.Property(t => t.Name).HasMaxLength(100);
        token.Property(t => t.Value).HasMaxLength(1000);
    }
}
