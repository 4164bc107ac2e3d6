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
        agency.Property(a => a.ParentCode).HasMaxLength(64);
        agency.HasIndex(a => a.ParentCode);
    }
}

internal sealed class AgencySettingConfiguration : IEntityTypeConfiguration<AgencySettingRecord>
{
    public void Configure(EntityTypeBuilder<AgencySettingRecord> setting)
    {
        setting.ToTable("AgencySettings");
        setting.HasKey(s => new { s.AgencyCode, s.Name });
        setting.Property(s => s.AgencyCode).HasMaxLength(64);
        setting.Property(s => s.Name).HasMaxLength(100);
        setting.Property(s => s.Value).HasMaxLength(2000);
    }
}
