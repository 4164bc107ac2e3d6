using Disclosure.Credit.Models;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Disclosure.Credit.Data;

/// <summary>
/// The two 双公示 tables. Built for 100,000+ rows: lists and the overdue check run on (Status, DecisionDate), public
/// search on the masked name, the credit code and the normalised decision number, each indexed. Portable types only,
/// so SQLite and PostgreSQL run the same migration.
/// </summary>
internal abstract class CreditRecordConfiguration<T> : IEntityTypeConfiguration<T> where T : CreditRecordBase
{
    /// <summary>Withdrawn records keep their number, so a corrected decision can be entered again under it.</summary>
    private const string NotWithdrawn = "\"Status\" <> 'Withdrawn'";

    protected abstract string Table { get; }

    public void Configure(EntityTypeBuilder<T> record)
    {
        record.ToTable(Table);
        record.HasKey(r => r.Id);
        record.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        record.Property(r => r.PartyName).HasMaxLength(CreditFields.NameLength);
        record.Property(r => r.PartyKind).HasConversion<string>().HasMaxLength(24);
        record.Property(r => r.CreditCode).HasMaxLength(18);
        record.Property(r => r.BusinessRegistrationNumber).HasMaxLength(CreditFields.CodeLength);
        record.Property(r => r.OrganisationCode).HasMaxLength(CreditFields.CodeLength);
        record.Property(r => r.TaxRegistrationNumber).HasMaxLength(CreditFields.CodeLength);
        record.Property(r => r.InstitutionCertificateNumber).HasMaxLength(CreditFields.CodeLength);
        record.Property(r => r.SocialOrganisationNumber).HasMaxLength(CreditFields.CodeLength);
        record.Property(r => r.LegalRepresentative).HasMaxLength(50);
        record.Property(r => r.LegalRepresentativeIdType).HasMaxLength(32);
        record.Property(r => r.LegalRepresentativeIdNumber).HasMaxLength(64);
        record.Property(r => r.IdType).HasMaxLength(32);
        record.Property(r => r.IdNumber).HasMaxLength(64);
        record.Property(r => r.PublicPartyName).HasMaxLength(CreditFields.NameLength);
        record.Property(r => r.DecisionNumber).HasMaxLength(CreditFields.NumberLength);
        record.Property(r => r.DecisionNumberKey).HasMaxLength(CreditFields.NumberLength);
        record.Property(r => r.Authority).HasMaxLength(CreditFields.NameLength);
        record.Property(r => r.AuthorityCreditCode).HasMaxLength(18);
        record.Property(r => r.SourceUnit).HasMaxLength(CreditFields.NameLength);
        record.Property(r => r.SourceUnitCreditCode).HasMaxLength(18);
        record.Property(r => r.Remarks).HasMaxLength(CreditFields.RemarksLength);
        record.Property(r => r.ImportBatch).HasMaxLength(36);
        record.Property(r => r.CreatedBy).HasMaxLength(256);
        record.Property(r => r.UpdatedBy).HasMaxLength(256);
        record.Property(r => r.PublishedBy).HasMaxLength(256);
        record.Property(r => r.WithdrawnBy).HasMaxLength(256);
        record.Property(r => r.WithdrawReason).HasMaxLength(500);

        record.HasIndex(r => r.DecisionNumberKey, $"IX_{Table}_CurrentDecisionNumber").IsUnique().HasFilter(NotWithdrawn);
        record.HasIndex(r => new { r.Status, r.DecisionDate });
        record.HasIndex(r => r.PublicPartyName);
        record.HasIndex(r => r.CreditCode);
        record.HasIndex(r => r.ImportBatch);
        record.HasAgency();
        record.HasIndex(r => new { r.AgencyCode, r.Status, r.DecisionDate });
        ConfigureKind(record);
    }

    /// <summary>The columns only this kind of record has.</summary>
    protected abstract void ConfigureKind(EntityTypeBuilder<T> record);
}

/// <summary>行政许可.</summary>
internal sealed class CreditLicenceConfiguration : CreditRecordConfiguration<CreditLicenceRecord>
{
    protected override string Table => "CreditLicences";

    protected override void ConfigureKind(EntityTypeBuilder<CreditLicenceRecord> licence)
    {
        licence.Property(r => r.DecisionDocumentName).HasMaxLength(CreditFields.NameLength);
        licence.Property(r => r.Category).HasMaxLength(16);
        licence.Property(r => r.CertificateName).HasMaxLength(CreditFields.NameLength);
        licence.Property(r => r.LicenceNumber).HasMaxLength(CreditFields.NumberLength);
        licence.Property(r => r.Content).HasMaxLength(CreditFields.LongText);
        licence.Property(r => r.CurrentState).HasMaxLength(16);
    }
}

/// <summary>行政处罚.</summary>
internal sealed class CreditPenaltyConfiguration : CreditRecordConfiguration<CreditPenaltyRecord>
{
    protected override string Table => "CreditPenalties";

    protected override void ConfigureKind(EntityTypeBuilder<CreditPenaltyRecord> penalty)
    {
        penalty.Property(r => r.ViolationType).HasMaxLength(2000);
        penalty.Property(r => r.ViolationFacts).HasMaxLength(CreditFields.LongText);
        penalty.Property(r => r.LegalBasis).HasMaxLength(2000);
        penalty.Property(r => r.Categories).HasMaxLength(200);
        penalty.Property(r => r.Content).HasMaxLength(CreditFields.LongText);
        penalty.Property(r => r.SuspendedLicence).HasMaxLength(CreditFields.NameLength);
        penalty.Property(r => r.Severity).HasConversion<string>().HasMaxLength(16);
        penalty.Property(r => r.RepairedBy).HasMaxLength(256);
        penalty.Property(r => r.RepairReason).HasMaxLength(500);
        penalty.HasIndex(r => new { r.Status, r.PublicationEnd });
    }
}
