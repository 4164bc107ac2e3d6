using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Requests.Data;

internal sealed class RequestAppealConfiguration : IEntityTypeConfiguration<RequestAppealRecord>
{
    public void Configure(EntityTypeBuilder<RequestAppealRecord> appeal)
    {
        appeal.ToTable("InformationRequestAppeals");
        appeal.HasKey(a => a.Id);
        appeal.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        appeal.Property(a => a.Authority).HasMaxLength(200);
        appeal.Property(a => a.CaseNumber).HasMaxLength(100);
        appeal.Property(a => a.Result).HasConversion<string>().HasMaxLength(16);
        appeal.Property(a => a.RecordedBy).HasMaxLength(256);
    }
}
