using Disclosure.Storage.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Storage.Entities;

internal sealed class PublicRevisionConfiguration : IEntityTypeConfiguration<PublicRevision>
{
    public void Configure(EntityTypeBuilder<PublicRevision> revision)
    {
        revision.ToTable("PublicRevision");
        revision.HasKey(r => r.Id);
        revision.Property(r => r.Id).ValueGeneratedNever();
    }
}
