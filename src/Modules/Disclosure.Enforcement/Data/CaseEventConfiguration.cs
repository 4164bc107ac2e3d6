using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Enforcement.Data;

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEventRecord>
{
    public void Configure(EntityTypeBuilder<CaseEventRecord> caseEvent)
    {
        caseEvent.ToTable("EnforcementCaseEvents");
        caseEvent.HasOne<EnforcementCaseRecord>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        caseEvent.Property(e => e.TypeCode).HasMaxLength(40);
        caseEvent.Property(e => e.DocumentName).HasMaxLength(100);
        caseEvent.Property(e => e.DocumentNumber).HasMaxLength(100);
        caseEvent.Property(e => e.Detail).HasMaxLength(200);
        caseEvent.Property(e => e.Source).HasMaxLength(40);
        caseEvent.Property(e => e.SourceEventId).HasMaxLength(64);
        caseEvent.Property(e => e.RecordedBy).HasMaxLength(100);
        caseEvent.HasIndex(e => new { e.CaseId, e.FormedOn });
        // Idempotent import: a source's event id is stored once (rows entered by hand have neither).
        caseEvent.HasIndex(e => new { e.Source, e.SourceEventId }).IsUnique();
        // The due and overdue board: events not yet visible, by 形成日期.
        caseEvent.HasIndex(e => new { e.VisibleUtc, e.FormedOn });
        // The monthly timeliness report: the events formed in a month.
        caseEvent.HasIndex(e => e.FormedOn);
    }
}
