using Disclosure.Requests.Models;
using Disclosure.Storage.Agencies;
namespace Disclosure.Requests.Data;

/// <summary>
/// 依申请公开: one application and everything that happened to it. Personal data lives apart, in
/// <see cref="RequestApplicantRecord"/>, so nothing that reads applications for lists, deadlines or statistics
/// ever loads it by accident.
/// </summary>
public sealed class InformationRequestRecord : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The agency the application is addressed to (受理机关).</summary>
    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>申请编号, the office's reference: year of receipt and sequence, 2026-0012.</summary>
    public required string Number { get; set; }

    /// <summary>查询码 (normalised, 12 characters), the applicant's half of the status query.</summary>
    public required string TrackingCode { get; set; }

    public RequestChannel Channel { get; set; }

    public ApplicantKind Kind { get; set; }

    /// <summary>收到申请之日 (第三十一条), a Beijing date.</summary>
    public DateOnly ReceivedOn { get; set; }

    public DateTime RegisteredUtc { get; set; }

    public required string RegisteredBy { get; set; }

    /// <summary>所需政府信息的内容描述.</summary>
    public required string Description { get; set; }

    /// <summary>文号或索引号, when the applicant knows it.</summary>
    public string? DocumentReference { get; set; }

    public PreferredForm Form { get; set; }

    public DeliveryMethod Delivery { get; set; }

    public RequestStage Stage { get; set; }

    /// <summary>承办部门, a department code of the agency.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>The reply period runs from the day after this: the receipt date, or the corrected application's.</summary>
    public DateOnly ClockStartOn { get; set; }

    public DateOnly? CorrectionRequestedOn { get; set; }

    /// <summary>What the applicant was asked to correct (补正告知的内容).</summary>
    public string? CorrectionNote { get; set; }

    public DateOnly? CorrectionReceivedOn { get; set; }

    public int ExtensionDays { get; set; }

    public DateOnly? ExtendedOn { get; set; }

    public string? ExtensionReason { get; set; }

    /// <summary>Who approved the extension (政府信息公开工作机构负责人).</summary>
    public string? ExtensionApprovedBy { get; set; }

    public RequestOutcome? Outcome { get; set; }

    /// <summary>答复日期, a Beijing date.</summary>
    public DateOnly? ClosedOn { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>The reasons and particulars given in the reply (告知书正文).</summary>
    public string? ReplyText { get; set; }

    /// <summary>Changed on every save, so two officers acting at once cannot overwrite each other.</summary>
    public required string ConcurrencyStamp { get; set; }

    public List<RequestConsultationRecord> Consultations { get; set; } = [];

    public List<RequestAppealRecord> Appeals { get; set; } = [];
}

/// <summary>申请人信息 of one application (one-to-one). Read only through <c>ApplicantDataAccess</c>, which records every view.</summary>
public sealed class RequestApplicantRecord
{
    public long RequestId { get; set; }
    public required string Name { get; set; }
    public IdentityDocumentType IdType { get; set; }
    public required string IdNumber { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? ContactName { get; set; }
    public required string Phone { get; set; }
    public required string Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Email { get; set; }
}

/// <summary>征求第三方意见: a pause of the reply period.</summary>
public sealed class RequestConsultationRecord
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public required string ThirdParty { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public required string StartedBy { get; set; }
}

/// <summary>A 行政复议 or 行政诉讼 about the handling of an application, for table 四.</summary>
public sealed class RequestAppealRecord
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public AppealKind Kind { get; set; }
    public DateOnly FiledOn { get; set; }
    /// <summary>复议机关 or 人民法院.</summary>
    public required string Authority { get; set; }
    public string? CaseNumber { get; set; }
    public AppealResult Result { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>What a document kept with an application is.</summary>
public enum RequestDocumentKind
{
    /// <summary>答复告知书, generated at 办结.</summary>
    ReplyLetter,

    /// <summary>公开的信息: a file the office provides with its reply (在线查看 applicants download it after 办结).</summary>
    ReleasedFile,
}

/// <summary>A document kept with an application: the generated reply letter (告知书) or a released file.</summary>
public sealed class RequestDocumentRecord
{
    public long Id { get; set; }
    public long RequestId { get; set; }
    public RequestDocumentKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, also written to the ledger.</summary>
    public required string Sha256 { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
}
