using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Requests.Data;

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequestRecord>
{
    public void Configure(EntityTypeBuilder<InformationRequestRecord> request)
    {
        request.ToTable("InformationRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Number).HasMaxLength(16);
        request.HasIndex(r => r.Number).IsUnique();
        request.Property(r => r.TrackingCode).HasMaxLength(16);
        request.HasIndex(r => r.TrackingCode).IsUnique();
        request.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        request.Property(r => r.RegisteredBy).HasMaxLength(256);
        request.Property(r => r.Description).HasMaxLength(2000);
        request.Property(r => r.DocumentReference).HasMaxLength(100);
        request.Property(r => r.Form).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Stage).HasConversion<string>().HasMaxLength(24);
        request.Property(r => r.DepartmentCode).HasMaxLength(64);
        request.Property(r => r.CorrectionNote).HasMaxLength(1000);
        request.Property(r => r.ExtensionReason).HasMaxLength(500);
        request.Property(r => r.ExtensionApprovedBy).HasMaxLength(100);
        request.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(40);
        request.Property(r => r.ClosedBy).HasMaxLength(256);
        request.Property(r => r.ReplyText).HasMaxLength(4000);
        request.Property(r => r.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken();
        request.HasIndex(r => new { r.Stage, r.ReceivedOn });
        request.HasIndex(r => r.ReceivedOn);
        request.HasIndex(r => r.ClosedOn);
        request.HasAgency();
        request.HasIndex(r => new { r.AgencyCode, r.ReceivedOn });
        request.HasMany(r => r.Consultations).WithOne().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Restrict);
        request.HasMany(r => r.Appeals).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
