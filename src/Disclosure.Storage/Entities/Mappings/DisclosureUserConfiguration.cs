using Disclosure.Storage.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class DisclosureUserConfiguration : IEntityTypeConfiguration<DisclosureUser>
{
    public void Configure(EntityTypeBuilder<DisclosureUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.AgencyCode).HasMaxLength(64);
        user.Property(u => u.DepartmentCode).HasMaxLength(64);
    }
}
