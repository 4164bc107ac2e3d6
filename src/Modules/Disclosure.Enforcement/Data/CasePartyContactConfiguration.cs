using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Enforcement.Data;

internal sealed class CasePartyContactConfiguration : IEntityTypeConfiguration<CasePartyContactRecord>
{
    public void Configure(EntityTypeBuilder<CasePartyContactRecord> contact)
    {
        contact.ToTable("EnforcementCasePartyContacts");
        contact.HasKey(c => c.PartyId);
        contact.Property(c => c.PartyId).ValueGeneratedNever();
        contact.HasOne<CasePartyRecord>().WithOne().HasForeignKey<CasePartyContactRecord>(c => c.PartyId).OnDelete(DeleteBehavior.Restrict);
        contact.Property(c => c.Name).HasMaxLength(100);
        contact.Property(c => c.IdNumber).HasMaxLength(20);
        contact.Property(c => c.Phone).HasMaxLength(20);
    }
}
