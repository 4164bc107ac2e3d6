using Disclosure.Credit.Models;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Changes;

namespace Disclosure.Credit.Data;

/// <summary>
/// What a 行政许可 and a 行政处罚 row share: the party, the decision, its authority and source, the flags that keep a
/// record off the public side, and the lifecycle (草稿 → 已公示 → 已撤回 / 已信用修复). The full party data stays
/// here, internal; <see cref="PublicPartyName"/> is the masked name, kept as a column so public search only ever
/// looks at what the public may see.
/// </summary>
public abstract class CreditRecordBase : IPublicReadModel, IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The agency whose decision this is and whose report counts it.</summary>
    public string AgencyCode { get; set; } = string.Empty;

    public CreditRecordStatus Status { get; set; }

    public string PartyName { get; set; } = string.Empty;
    public PartyKind PartyKind { get; set; }
    public string? CreditCode { get; set; }
    public string? BusinessRegistrationNumber { get; set; }
    public string? OrganisationCode { get; set; }
    public string? TaxRegistrationNumber { get; set; }
    public string? InstitutionCertificateNumber { get; set; }
    public string? SocialOrganisationNumber { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? LegalRepresentativeIdType { get; set; }
    public string? LegalRepresentativeIdNumber { get; set; }
    public string? IdType { get; set; }
    public string? IdNumber { get; set; }

    /// <summary>The masked 行政相对人名称 (张*), what public search matches on.</summary>
    public string PublicPartyName { get; set; } = string.Empty;

    public string DecisionNumber { get; set; } = string.Empty;

    /// <summary><see cref="DecisionNumberKey.Normalize"/> of the number: unique among records not withdrawn, and searched on.</summary>
    public string DecisionNumberKey { get; set; } = string.Empty;

    public DateOnly DecisionDate { get; set; }
    public string Authority { get; set; } = string.Empty;
    public string AuthorityCreditCode { get; set; } = string.Empty;
    public string SourceUnit { get; set; } = string.Empty;
    public string SourceUnitCreditCode { get; set; } = string.Empty;
    public string? Remarks { get; set; }

    public bool PartyIsMinor { get; set; }
    public bool InvolvesSecrets { get; set; }

    /// <summary>The import the record came from, so an office can publish (or trace) one file's records together.</summary>
    public string? ImportBatch { get; set; }

    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = string.Empty;
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedBy { get; set; } = string.Empty;
    public DateTime? PublishedUtc { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? WithdrawnUtc { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawReason { get; set; }

    /// <summary>The day the decision was changed, revoked or found void; withdrawal is due within 3 working days of it.</summary>
    public DateOnly? DecisionChangedOn { get; set; }
}

/// <summary>A 行政许可 record (table CreditLicences).</summary>
public sealed class CreditLicenceRecord : CreditRecordBase
{
    public string DecisionDocumentName { get; set; } = string.Empty;
    public string Category { get; set; } = string.Empty;
    public string? CertificateName { get; set; }
    public string? LicenceNumber { get; set; }
    public string Content { get; set; } = string.Empty;
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    public string CurrentState { get; set; } = string.Empty;
}

/// <summary>A 行政处罚 record (table CreditPenalties). Amounts are millionths of 万元 (分), see <see cref="CreditAmounts"/>.</summary>
public sealed class CreditPenaltyRecord : CreditRecordBase
{
    public string ViolationType { get; set; } = string.Empty;
    public string ViolationFacts { get; set; } = string.Empty;
    public string LegalBasis { get; set; } = string.Empty;

    /// <summary>处罚类别, joined with 、 in the standard's order.</summary>
    public string Categories { get; set; } = string.Empty;

    public string Content { get; set; } = string.Empty;
    public long? FineAmount { get; set; }
    public long? ConfiscatedAmount { get; set; }
    public string? SuspendedLicence { get; set; }
    public DateOnly? PenaltyValidUntil { get; set; }

    /// <summary>公示截止期: public through this day, gone from the next.</summary>
    public DateOnly PublicationEnd { get; set; }

    public Severity Severity { get; set; }

    public DateTime? RepairedUtc { get; set; }
    public string? RepairedBy { get; set; }
    public string? RepairReason { get; set; }
}
