using Disclosure.Contents.Review.Models;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Contents.Review.Data;

internal sealed class SecrecyKeywordConfiguration : IEntityTypeConfiguration<SecrecyKeywordRecord>
{
    public void Configure(EntityTypeBuilder<SecrecyKeywordRecord> keyword)
    {
        keyword.ToTable("SecrecyKeywords");
        keyword.HasKey(k => k.Keyword);
        keyword.Property(k => k.Keyword).HasMaxLength(50);
        keyword.Property(k => k.AddedBy).HasMaxLength(256);
    }
}
