using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Enforcement.Data;

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CasePartyRecord>
{
    public void Configure(EntityTypeBuilder<CasePartyRecord> party)
    {
        party.ToTable("EnforcementCaseParties");
        party.HasOne<EnforcementCaseRecord>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        party.Property(p => p.RoleCode).HasMaxLength(40);
        party.Property(p => p.QueryCodeHash).HasMaxLength(64).IsFixedLength();
        party.HasIndex(p => p.QueryCodeHash).IsUnique();
        party.HasIndex(p => p.CaseId);
    }
}
