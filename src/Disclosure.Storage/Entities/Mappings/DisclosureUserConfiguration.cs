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
        user.Property(u => u.ActingAgencyCode).HasMaxLength(64);
    }
}

internal sealed class AgencyMembershipConfiguration : IEntityTypeConfiguration<AgencyMembershipRecord>
{
    public void Configure(EntityTypeBuilder<AgencyMembershipRecord> membership)
    {
        membership.ToTable("AgencyMemberships");
        membership.HasKey(m => new { m.UserId, m.AgencyCode });
        membership.Property(m => m.UserId).HasMaxLength(450);
        membership.Property(m => m.AgencyCode).HasMaxLength(64);
        membership.Property(m => m.DepartmentCode).HasMaxLength(64);
        membership.Property(m => m.GrantedBy).HasMaxLength(256);
        membership.HasOne<DisclosureUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        membership.HasMany(m => m.Roles).WithOne().HasForeignKey(r => new { r.UserId, r.AgencyCode }).OnDelete(DeleteBehavior.Cascade);
        membership.HasIndex(m => m.AgencyCode);
    }
}

internal sealed class AgencyMembershipRoleConfiguration : IEntityTypeConfiguration<AgencyMembershipRoleRecord>
{
    public void Configure(EntityTypeBuilder<AgencyMembershipRoleRecord> role)
    {
        role.ToTable("AgencyMembershipRoles");
        role.HasKey(r => new { r.UserId, r.AgencyCode, r.RoleName });
        role.Property(r => r.UserId).HasMaxLength(450);
        role.Property(r => r.AgencyCode).HasMaxLength(64);
        role.Property(r => r.RoleName).HasMaxLength(256);
    }
}
