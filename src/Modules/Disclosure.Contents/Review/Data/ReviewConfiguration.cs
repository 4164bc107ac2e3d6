using Disclosure.Contents.Review.Models;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Contents.Review.Data;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewRecord>
{
    public void Configure(EntityTypeBuilder<ReviewRecord> review)
    {
        review.ToTable("Reviews");
        review.HasKey(r => r.Id);
        review.HasOne(r => r.Item).WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        review.HasOne(r => r.Version).WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);
        review.Property(r => r.ContentHash).HasMaxLength(64);
        review.Property(r => r.ChainName).HasMaxLength(64);
        review.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        review.Property(r => r.SubmittedBy).HasMaxLength(256);
        review.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.ReviewId).OnDelete(DeleteBehavior.Restrict);
        review.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Restrict);
        review.HasIndex(r => new { r.State, r.CurrentStep });
        review.HasIndex(r => r.ItemId);
    }
}
