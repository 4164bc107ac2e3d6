using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Supervision.Links;

internal sealed class BrokenLinkConfiguration : IEntityTypeConfiguration<BrokenLink>
{
    public const int MaxUrlLength = 2000;
    public const int MaxTextLength = 200;

    public void Configure(EntityTypeBuilder<BrokenLink> link)
    {
        link.ToTable("BrokenLinks");
        link.HasKey(l => l.Id);
        link.Property(l => l.ContentItemId).HasMaxLength(64);
        link.HasAgency();
        link.Property(l => l.DepartmentCode).HasMaxLength(64);
        link.Property(l => l.Url).HasMaxLength(MaxUrlLength);
        link.Property(l => l.UrlHash).HasMaxLength(64).IsFixedLength();
        link.Property(l => l.LinkText).HasMaxLength(MaxTextLength);
        link.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        link.Property(l => l.Reason).HasMaxLength(200);
        link.HasIndex(l => new { l.ContentItemId, l.UrlHash }).IsUnique();
        link.HasIndex(l => new { l.AgencyCode, l.DepartmentCode });
        link.HasIndex(l => l.LastCheckedUtc);
    }
}

internal sealed class LinkCheckRunConfiguration : IEntityTypeConfiguration<LinkCheckRun>
{
    public void Configure(EntityTypeBuilder<LinkCheckRun> run)
    {
        run.ToTable("LinkCheckRuns");
        run.HasKey(r => r.Id);
        // The one open run: NULLs never conflict, so finished runs stay as history.
        run.Property(r => r.Open).HasMaxLength(8);
        run.HasIndex(r => r.Open).IsUnique();
        run.Property(r => r.RequestedBy).HasMaxLength(256);
        run.Property(r => r.Node).HasMaxLength(256);
        run.Property(r => r.Error).HasMaxLength(2000);
        run.HasIndex(r => r.CreatedUtc);
    }
}
