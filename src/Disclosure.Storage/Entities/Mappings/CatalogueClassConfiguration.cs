using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class CatalogueClassConfiguration : IEntityTypeConfiguration<CatalogueClassRecord>
{
    public void Configure(EntityTypeBuilder<CatalogueClassRecord> catalogue)
    {
        catalogue.ToTable("CatalogueClasses");
        catalogue.HasKey(c => c.Code);
        catalogue.Property(c => c.Code).HasMaxLength(32);
        catalogue.Property(c => c.Name).HasMaxLength(100);
        catalogue.Property(c => c.ParentCode).HasMaxLength(32);
        catalogue.Property(c => c.Description).HasMaxLength(500);
    }
}
