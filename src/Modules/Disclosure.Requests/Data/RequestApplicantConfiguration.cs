using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Requests.Data;

internal sealed class RequestApplicantConfiguration : IEntityTypeConfiguration<RequestApplicantRecord>
{
    public void Configure(EntityTypeBuilder<RequestApplicantRecord> applicant)
    {
        applicant.ToTable("InformationRequestApplicants");
        applicant.HasKey(a => a.RequestId);
        applicant.Property(a => a.RequestId).ValueGeneratedNever();
        applicant.HasOne<InformationRequestRecord>().WithOne().HasForeignKey<RequestApplicantRecord>(a => a.RequestId).OnDelete(DeleteBehavior.Restrict);
        applicant.Property(a => a.Name).HasMaxLength(100);
        applicant.Property(a => a.IdType).HasConversion<string>().HasMaxLength(40);
        applicant.Property(a => a.IdNumber).HasMaxLength(20);
        applicant.Property(a => a.LegalRepresentative).HasMaxLength(50);
        applicant.Property(a => a.ContactName).HasMaxLength(50);
        applicant.Property(a => a.Phone).HasMaxLength(20);
        applicant.Property(a => a.Address).HasMaxLength(200);
        applicant.Property(a => a.PostalCode).HasMaxLength(6);
        applicant.Property(a => a.Email).HasMaxLength(100);
    }
}
