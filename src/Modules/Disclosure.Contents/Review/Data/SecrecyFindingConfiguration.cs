using Disclosure.Contents.Review.Models;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Contents.Review.Data;

internal sealed class SecrecyFindingConfiguration : IEntityTypeConfiguration<SecrecyFindingRecord>
{
    public void Configure(EntityTypeBuilder<SecrecyFindingRecord> finding)
    {
        finding.ToTable("SecrecyFindings");
        finding.HasKey(f => f.Id);
        finding.Property(f => f.Kind).HasMaxLength(32);
        finding.Property(f => f.FieldPath).HasMaxLength(300);
        finding.Property(f => f.Location).HasMaxLength(300);
        finding.Property(f => f.Match).HasMaxLength(200);
        finding.Property(f => f.ProposedMask).HasMaxLength(200);
        finding.Property(f => f.Description).HasMaxLength(100);
        finding.Property(f => f.Resolution).HasConversion<string>().HasMaxLength(16);
        finding.Property(f => f.ResolvedBy).HasMaxLength(256);
        finding.Property(f => f.Reason).HasMaxLength(500);
    }
}
