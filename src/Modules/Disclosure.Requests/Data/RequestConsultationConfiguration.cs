using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Requests.Data;

internal sealed class RequestConsultationConfiguration : IEntityTypeConfiguration<RequestConsultationRecord>
{
    public void Configure(EntityTypeBuilder<RequestConsultationRecord> consultation)
    {
        consultation.ToTable("InformationRequestConsultations");
        consultation.HasKey(c => c.Id);
        consultation.Property(c => c.ThirdParty).HasMaxLength(200);
        consultation.Property(c => c.StartedBy).HasMaxLength(256);
    }
}
