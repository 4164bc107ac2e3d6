using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Backups.Data;

internal sealed class BackupRunConfiguration : IEntityTypeConfiguration<BackupRun>
{
    public void Configure(EntityTypeBuilder<BackupRun> run)
    {
        run.ToTable("BackupRuns");
        run.HasKey(r => r.Id);
        run.Property(r => r.Slot).HasMaxLength(32);
        // The claim: one row, hence one node, per scheduled slot. Command-line runs have no slot (NULLs never conflict).
        run.HasIndex(r => r.Slot).IsUnique();
        run.Property(r => r.Node).HasMaxLength(256);
        run.Property(r => r.ArchiveName).HasMaxLength(256);
        run.Property(r => r.Error).HasMaxLength(2000);
        run.HasIndex(r => r.StartedUtc);
    }
}
