using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Supervision.Reports;

/// <summary>
/// A 督查督办月报 as it was made on its day (table SupervisionMonthReports): the files exactly as the leaders received
/// them, and the headline figures for the board's list and the notice. One per agency and month.
/// </summary>
public sealed class MonthReportRecord : IAgencyOwned
{
    public long Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>The month reported on, <c>yyyy-MM</c>.</summary>
    public required string Month { get; set; }

    public required string Title { get; set; }

    /// <summary>The Beijing date the figures were taken on.</summary>
    public DateOnly MadeOn { get; set; }

    public DateTime MadeUtc { get; set; }

    /// <summary>已超期 over every clock, 超期办结 in the month, stale and empty 目录 classes, 死链.</summary>
    public int Overdue { get; set; }

    public int DoneLate { get; set; }

    public int StaleClasses { get; set; }

    public int EmptyClasses { get; set; }

    public int BrokenLinks { get; set; }

    public required byte[] Docx { get; set; }

    public required byte[] Xlsx { get; set; }

    /// <summary>How many app-webhook notices were queued with it (0 when pushing is off or no endpoint is set).</summary>
    public int NoticesQueued { get; set; }
}

internal sealed class MonthReportRecordConfiguration : IEntityTypeConfiguration<MonthReportRecord>
{
    public void Configure(EntityTypeBuilder<MonthReportRecord> report)
    {
        report.ToTable("SupervisionMonthReports");
        report.HasKey(r => r.Id);
        report.HasAgency();
        report.Property(r => r.Month).HasMaxLength(7);
        report.Property(r => r.Title).HasMaxLength(300);
        // One report per agency and month: a second node making the same report loses on this index and rolls back.
        report.HasIndex(r => new { r.AgencyCode, r.Month }).IsUnique();
    }
}
