using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<AgencyRecord>
{
    public void Configure(EntityTypeBuilder<AgencyRecord> agency)
    {
        agency.ToTable("Agencies");
        agency.HasKey(a => a.Code);
        agency.Property(a => a.Code).HasMaxLength(64);
        agency.Property(a => a.Name).HasMaxLength(200);
        agency.Property(a => a.AreaCode).HasMaxLength(32);
        agency.Property(a => a.DepartmentCode).HasMaxLength(32);
        agency.Property(a => a.CreditCode).HasMaxLength(18);
        agency.Property(a => a.IndexNumberFormat).HasMaxLength(100);
    }
}
