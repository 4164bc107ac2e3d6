using Disclosure.Contents.Review.Models;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Contents.Review.Data;

internal sealed class ReviewChainConfiguration : IEntityTypeConfiguration<ReviewChainRecord>
{
    public void Configure(EntityTypeBuilder<ReviewChainRecord> chain)
    {
        chain.ToTable("ReviewChains");
        chain.HasKey(c => c.Name);
        chain.Property(c => c.Name).HasMaxLength(64);
        chain.Property(c => c.DisplayName).HasMaxLength(100);
    }
}
