using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Requests.Data;

internal sealed class RequestDocumentConfiguration : IEntityTypeConfiguration<RequestDocumentRecord>
{
    public void Configure(EntityTypeBuilder<RequestDocumentRecord> document)
    {
        document.ToTable("InformationRequestDocuments");
        document.HasKey(d => d.Id);
        document.HasOne<InformationRequestRecord>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Restrict);
        document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        document.Property(d => d.FileName).HasMaxLength(200);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.CreatedBy).HasMaxLength(256);
        document.HasIndex(d => d.RequestId);
    }
}
