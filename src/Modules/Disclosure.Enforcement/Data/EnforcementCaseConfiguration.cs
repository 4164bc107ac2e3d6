using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Enforcement.Data;

internal sealed class EnforcementCaseConfiguration : IEntityTypeConfiguration<EnforcementCaseRecord>
{
    public void Configure(EntityTypeBuilder<EnforcementCaseRecord> enforcementCase)
    {
        enforcementCase.ToTable("EnforcementCases");
        enforcementCase.Property(c => c.Number).HasMaxLength(50);
        enforcementCase.HasIndex(c => c.Number).IsUnique();
        enforcementCase.Property(c => c.KindCode).HasMaxLength(40);
        enforcementCase.Property(c => c.StageCode).HasMaxLength(40);
        enforcementCase.Property(c => c.UnitName).HasMaxLength(100);
        enforcementCase.Property(c => c.UnitContact).HasMaxLength(200);
        enforcementCase.Property(c => c.CreatedBy).HasMaxLength(100);
        // The public statistics count cases by month of 受案, kind and stage.
        enforcementCase.HasIndex(c => new { c.AcceptedOn, c.KindCode, c.StageCode });
        enforcementCase.HasIndex(c => c.UnitName);
        enforcementCase.HasAgency();
        enforcementCase.HasIndex(c => new { c.AgencyCode, c.AcceptedOn });
    }
}
