using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Agencies;

/// <summary>How an <see cref="IAgencyOwned"/> table is mapped, and the check that no such row is written without its agency.</summary>
public static class AgencyOwnership
{
    public const int CodeLength = 64;

    /// <summary>Maps the agency column the same way on every owned table.</summary>
    public static PropertyBuilder<string> HasAgency<T>(this EntityTypeBuilder<T> entity) where T : class, IAgencyOwned =>
        entity.Property(e => e.AgencyCode).HasMaxLength(CodeLength).IsRequired();

    /// <summary>
    /// Refuses added or changed owned rows with an empty agency: a record that belongs to nobody would silently drop
    /// out of every agency's lists and reports, so the mistake must surface where it is made.
    /// </summary>
    internal static void EnsureOwned(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<IAgencyOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified && string.IsNullOrWhiteSpace(entry.Entity.AgencyCode))
            {
                throw new InvalidOperationException($"{entry.Metadata.DisplayName()} 未指定所属机构，不能保存。");
            }
        }
    }
}
