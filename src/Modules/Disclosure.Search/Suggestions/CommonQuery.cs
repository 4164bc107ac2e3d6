using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// A query the public searched and found something with (常用检索词, table <c>SearchCommonQueries</c>): one row per
/// normalised query with its count, shared by every node. Written only in batches by <see cref="CommonQueryLog"/>.
/// </summary>
public sealed class CommonQuery
{
    public const int QueryMaxLength = 100;

    /// <summary>The query as <see cref="CommonQueryText.Normalize"/> writes it; the key.</summary>
    public required string Query { get; set; }

    /// <summary>Searches with hits counted so far (a visitor repeating it within one write interval counts once).</summary>
    public long Count { get; set; }

    public DateTime FirstSeenUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }
}

internal sealed class CommonQueryConfiguration : IEntityTypeConfiguration<CommonQuery>
{
    public void Configure(EntityTypeBuilder<CommonQuery> query)
    {
        query.ToTable("SearchCommonQueries");
        query.HasKey(q => q.Query);
        query.Property(q => q.Query).HasMaxLength(CommonQuery.QueryMaxLength);
        // The nodes read the most searched ones; the clean-up finds the rare old ones.
        query.HasIndex(q => q.Count);
        query.HasIndex(q => q.LastSeenUtc);
    }
}
