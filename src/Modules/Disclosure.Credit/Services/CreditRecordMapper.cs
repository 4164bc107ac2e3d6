using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
namespace Disclosure.Credit.Services;

/// <summary>Between the domain's records (what is validated, masked and exported) and the table rows.</summary>
public static class CreditRecordMapper
{
    public static CreditRecordData ToData(CreditRecordBase row) => row switch
    {
        CreditLicenceRecord licence => ToData(licence),
        CreditPenaltyRecord penalty => ToData(penalty),
        _ => throw new ArgumentException($"Unknown record type {row.GetType().Name}.", nameof(row)),
    };

    public static LicenceData ToData(CreditLicenceRecord row) => new()
    {
        Party = Party(row),
        DecisionDocumentName = row.DecisionDocumentName,
        DecisionNumber = row.DecisionNumber,
        Category = row.Category,
        CertificateName = row.CertificateName,
        LicenceNumber = row.LicenceNumber,
        Content = row.Content,
        DecisionDate = row.DecisionDate,
        ValidFrom = row.ValidFrom,
        ValidUntil = row.ValidUntil,
        Authority = row.Authority,
        AuthorityCreditCode = row.AuthorityCreditCode,
        CurrentState = row.CurrentState,
        SourceUnit = row.SourceUnit,
        SourceUnitCreditCode = row.SourceUnitCreditCode,
        Remarks = row.Remarks,
        PartyIsMinor = row.PartyIsMinor,
        InvolvesSecrets = row.InvolvesSecrets,
    };

    public static PenaltyData ToData(CreditPenaltyRecord row) => new()
    {
        Party = Party(row),
        DecisionNumber = row.DecisionNumber,
        ViolationType = row.ViolationType,
        ViolationFacts = row.ViolationFacts,
        LegalBasis = row.LegalBasis,
        Categories = row.Categories.Split('、', StringSplitOptions.RemoveEmptyEntries),
        Content = row.Content,
        FineAmount = row.FineAmount is { } fine ? CreditAmounts.FromMillionths(fine) : null,
        ConfiscatedAmount = row.ConfiscatedAmount is { } confiscated ? CreditAmounts.FromMillionths(confiscated) : null,
        SuspendedLicence = row.SuspendedLicence,
        DecisionDate = row.DecisionDate,
        PenaltyValidUntil = row.PenaltyValidUntil,
        PublicationEnd = row.PublicationEnd,
        Authority = row.Authority,
        AuthorityCreditCode = row.AuthorityCreditCode,
        SourceUnit = row.SourceUnit,
        SourceUnitCreditCode = row.SourceUnitCreditCode,
        Remarks = row.Remarks,
        Severity = row.Severity,
        PartyIsMinor = row.PartyIsMinor,
        InvolvesSecrets = row.InvolvesSecrets,
    };

    /// <summary>A new row for a record (status 草稿), stamped with who made it and when.</summary>
    public static CreditRecordBase NewRow(CreditRecordData data, string agencyCode, string actor, DateTime utc)
    {
        CreditRecordBase row = data switch
        {
            LicenceData => new CreditLicenceRecord(),
            PenaltyData => new CreditPenaltyRecord(),
            _ => throw new ArgumentException($"Unknown record type {data.GetType().Name}.", nameof(data)),
        };
        row.AgencyCode = agencyCode;
        row.CreatedBy = actor;
        row.Status = CreditRecordStatus.Draft;
        row.CreatedUtc = utc;
        Apply(data, row, actor, utc);
        return row;
    }

    /// <summary>Copies a record's values onto a row (a new one, or a draft being edited).</summary>
    public static void Apply(CreditRecordData data, CreditRecordBase row, string actor, DateTime utc)
    {
        var party = data.Party;
        row.PartyName = party.Name;
        row.PartyKind = party.Kind;
        row.CreditCode = party.CreditCode;
        row.BusinessRegistrationNumber = party.BusinessRegistrationNumber;
        row.OrganisationCode = party.OrganisationCode;
        row.TaxRegistrationNumber = party.TaxRegistrationNumber;
        row.InstitutionCertificateNumber = party.InstitutionCertificateNumber;
        row.SocialOrganisationNumber = party.SocialOrganisationNumber;
        row.LegalRepresentative = party.LegalRepresentative;
        row.LegalRepresentativeIdType = party.LegalRepresentativeIdType;
        row.LegalRepresentativeIdNumber = party.LegalRepresentativeIdNumber;
        row.IdType = party.IdType;
        row.IdNumber = party.IdNumber;
        row.PublicPartyName = CreditMasking.PublicName(party);
        row.DecisionNumber = data.DecisionNumber;
        row.DecisionNumberKey = DecisionNumberKey.Normalize(data.DecisionNumber);
        row.DecisionDate = data.DecisionDate;
        row.Authority = data.Authority;
        row.AuthorityCreditCode = data.AuthorityCreditCode;
        row.SourceUnit = data.SourceUnit;
        row.SourceUnitCreditCode = data.SourceUnitCreditCode;
        row.Remarks = data.Remarks;
        row.PartyIsMinor = data.PartyIsMinor;
        row.InvolvesSecrets = data.InvolvesSecrets;
        row.UpdatedBy = actor;
        row.UpdatedUtc = utc;

        switch ((data, row))
        {
            case (LicenceData licence, CreditLicenceRecord target):
                target.DecisionDocumentName = licence.DecisionDocumentName;
                target.Category = licence.Category;
                target.CertificateName = licence.CertificateName;
                target.LicenceNumber = licence.LicenceNumber;
                target.Content = licence.Content;
                target.ValidFrom = licence.ValidFrom;
                target.ValidUntil = licence.ValidUntil;
                target.CurrentState = licence.CurrentState;
                break;
            case (PenaltyData penalty, CreditPenaltyRecord target):
                target.ViolationType = penalty.ViolationType;
                target.ViolationFacts = penalty.ViolationFacts;
                target.LegalBasis = penalty.LegalBasis;
                target.Categories = string.Join("、", penalty.Categories);
                target.Content = penalty.Content;
                target.FineAmount = penalty.FineAmount is { } fine ? CreditAmounts.ToMillionths(fine) : null;
                target.ConfiscatedAmount = penalty.ConfiscatedAmount is { } confiscated ? CreditAmounts.ToMillionths(confiscated) : null;
                target.SuspendedLicence = penalty.SuspendedLicence;
                target.PenaltyValidUntil = penalty.PenaltyValidUntil;
                target.PublicationEnd = penalty.PublicationEnd;
                target.Severity = penalty.Severity;
                break;
            default:
                throw new ArgumentException("The record and the row are of different kinds.", nameof(row));
        }
    }

    private static CreditParty Party(CreditRecordBase row) => new()
    {
        Name = row.PartyName,
        Kind = row.PartyKind,
        CreditCode = row.CreditCode,
        BusinessRegistrationNumber = row.BusinessRegistrationNumber,
        OrganisationCode = row.OrganisationCode,
        TaxRegistrationNumber = row.TaxRegistrationNumber,
        InstitutionCertificateNumber = row.InstitutionCertificateNumber,
        SocialOrganisationNumber = row.SocialOrganisationNumber,
        LegalRepresentative = row.LegalRepresentative,
        LegalRepresentativeIdType = row.LegalRepresentativeIdType,
        LegalRepresentativeIdNumber = row.LegalRepresentativeIdNumber,
        IdType = row.IdType,
        IdNumber = row.IdNumber,
    };
}
