using Disclosure.Contents.Review.Models;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Contents.Review.Data;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecisionRecord>
{
    public void Configure(EntityTypeBuilder<ReviewDecisionRecord> decision)
    {
        decision.ToTable("ReviewDecisions");
        decision.HasKey(d => d.Id);
        decision.Property(d => d.StepName).HasMaxLength(64);
        decision.Property(d => d.Decision).HasConversion<string>().HasMaxLength(16);
        decision.Property(d => d.UserName).HasMaxLength(256);
        decision.Property(d => d.Opinion).HasMaxLength(1000);
    }
}
