using Disclosure.Core.Time;
namespace Disclosure.Credit.Models;

/// <summary>
/// A record back to the text of its columns, in the field set's order: the export file, the admin form's values
/// and the public page all start here, and <see cref="CreditRowParser"/> reads the same text back to an equal record.
/// </summary>
public static class CreditRowFormatter
{
    public static string?[] Format(CreditRecordData record)
    {
        var set = CreditFields.For(record.Kind);
        var values = new string?[set.Count];
        void Put(string key, string? value) => values[set.IndexOf(key)] = value;

        var party = record.Party;
        Put(CreditFields.PartyName, party.Name);
        Put(CreditFields.PartyKind, CreditVocabulary.Name(party.Kind));
        Put(CreditFields.CreditCode, party.CreditCode);
        Put(CreditFields.BusinessRegistrationNumber, party.BusinessRegistrationNumber);
        Put(CreditFields.OrganisationCode, party.OrganisationCode);
        Put(CreditFields.TaxRegistrationNumber, party.TaxRegistrationNumber);
        Put(CreditFields.InstitutionCertificateNumber, party.InstitutionCertificateNumber);
        Put(CreditFields.SocialOrganisationNumber, party.SocialOrganisationNumber);
        Put(CreditFields.LegalRepresentative, party.LegalRepresentative);
        Put(CreditFields.LegalRepresentativeIdType, party.LegalRepresentativeIdType);
        Put(CreditFields.LegalRepresentativeIdNumber, party.LegalRepresentativeIdNumber);
        Put(CreditFields.IdType, party.IdType);
        Put(CreditFields.IdNumber, party.IdNumber);

        Put(CreditFields.DecisionNumber, record.DecisionNumber);
        Put(CreditFields.DecisionDate, Date(record.DecisionDate));
        Put(CreditFields.Authority, record.Authority);
        Put(CreditFields.AuthorityCreditCode, record.AuthorityCreditCode);
        Put(CreditFields.SourceUnit, record.SourceUnit);
        Put(CreditFields.SourceUnitCreditCode, record.SourceUnitCreditCode);
        Put(CreditFields.Remarks, record.Remarks);
        Put(CreditFields.PartyIsMinor, record.PartyIsMinor ? "是" : "否");
        Put(CreditFields.InvolvesSecrets, record.InvolvesSecrets ? "是" : "否");

        switch (record)
        {
            case LicenceData licence:
                Put(CreditFields.DecisionDocumentName, licence.DecisionDocumentName);
                Put(CreditFields.LicenceCategory, licence.Category);
                Put(CreditFields.CertificateName, licence.CertificateName);
                Put(CreditFields.LicenceNumber, licence.LicenceNumber);
                Put(CreditFields.LicenceContent, licence.Content);
                Put(CreditFields.ValidFrom, Date(licence.ValidFrom));
                Put(CreditFields.ValidUntil, Date(licence.ValidUntil));
                Put(CreditFields.CurrentState, licence.CurrentState);
                break;
            case PenaltyData penalty:
                Put(CreditFields.ViolationType, penalty.ViolationType);
                Put(CreditFields.ViolationFacts, penalty.ViolationFacts);
                Put(CreditFields.LegalBasis, penalty.LegalBasis);
                Put(CreditFields.PenaltyCategories, string.Join("、", penalty.Categories));
                Put(CreditFields.PenaltyContent, penalty.Content);
                Put(CreditFields.FineAmount, penalty.FineAmount is { } fine ? CreditAmounts.Format(fine) : null);
                Put(CreditFields.ConfiscatedAmount, penalty.ConfiscatedAmount is { } confiscated ? CreditAmounts.Format(confiscated) : null);
                Put(CreditFields.SuspendedLicence, penalty.SuspendedLicence);
                Put(CreditFields.PenaltyValidUntil, penalty.PenaltyValidUntil is { } until ? Date(until) : null);
                Put(CreditFields.PublicationEnd, Date(penalty.PublicationEnd));
                Put(CreditFields.Severity, CreditVocabulary.Name(penalty.Severity));
                break;
        }

        return values;
    }

    /// <summary>How a public page shows a value: dates as YYYY-MM-DD, 2099-12-31 as 长期.</summary>
    public static string Display(CreditField field, string? value) =>
        field.Type == CreditFieldType.Date && value == Date(CreditVocabulary.Indefinite) ? "长期" : value ?? string.Empty;

    private static string Date(DateOnly date) => DateText.Date(date);
}
