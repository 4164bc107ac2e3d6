using Disclosure.Storage.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class DisclosureRoleConfiguration : IEntityTypeConfiguration<DisclosureRole>
{
    public void Configure(EntityTypeBuilder<DisclosureRole> role) => role.Property(r => r.DisplayName).HasMaxLength(100);
}
