using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Enforcement.Data;

internal sealed class CaseKindConfiguration : IEntityTypeConfiguration<CaseKindRecord>
{
    public void Configure(EntityTypeBuilder<CaseKindRecord> kind)
    {
        kind.ToTable("EnforcementCaseKinds");
        kind.HasKey(k => k.Code);
        kind.Property(k => k.Code).HasMaxLength(40);
        kind.Property(k => k.Name).HasMaxLength(40);
    }
}
