using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class SiteSettingConfiguration : IEntityTypeConfiguration<SiteSetting>
{
    public void Configure(EntityTypeBuilder<SiteSetting> setting)
    {
        setting.ToTable("SiteSettings");
        setting.HasKey(s => s.Name);
        setting.Property(s => s.Name).HasMaxLength(100);
    }
}
