using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.AnnualReports.Data;

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReportRecord>
{
    public void Configure(EntityTypeBuilder<AnnualReportRecord> report)
    {
        report.ToTable("AnnualReports");
        report.HasKey(r => r.Id);
        report.Property(r => r.AgencyCode).HasMaxLength(64);
        report.HasIndex(r => new { r.AgencyCode, r.Year }).IsUnique();
        report.Property(r => r.ContentItemId).HasMaxLength(64);
        report.Property(r => r.CreatedBy).HasMaxLength(256);
        report.Property(r => r.UpdatedBy).HasMaxLength(256);
        report.Property(r => r.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken();
    }
}
