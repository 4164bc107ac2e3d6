using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<DepartmentRecord>
{
    public void Configure(EntityTypeBuilder<DepartmentRecord> department)
    {
        department.ToTable("Departments");
        department.HasKey(d => d.Id);
        department.Property(d => d.AgencyCode).HasMaxLength(64);
        department.Property(d => d.Code).HasMaxLength(64);
        department.Property(d => d.Name).HasMaxLength(200);
        department.HasIndex(d => new { d.AgencyCode, d.Code }).IsUnique();
    }
}
