using Disclosure.Storage.Agencies;
namespace Disclosure.Enforcement.Data;

/// <summary>A kind of case and its vocabulary (<see cref="Models.CaseKindDefinition"/>), kept as JSON.</summary>
public sealed class CaseKindRecord
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public int Order { get; set; }

    public required string DefinitionJson { get; set; }
}

/// <summary>
/// 案件: what the parties may learn about a case — its number, kind, 办案单位 and timeline. Nothing here identifies a
/// person; the parties live in <see cref="CasePartyRecord"/> and their personal data apart again, in
/// <see cref="CasePartyContactRecord"/>.
/// </summary>
public sealed class EnforcementCaseRecord : IAgencyOwned
{
    public long Id { get; set; }

    /// <summary>The agency handling the case (办案机关).</summary>
    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>案件编号, as the case-handling system numbers it (A6401215100002026010012) and the 回执 prints it.</summary>
    public required string Number { get; set; }

    public required string KindCode { get; set; }

    /// <summary>办案单位.</summary>
    public required string UnitName { get; set; }

    /// <summary>办案单位联系方式 (a phone number, an address): every party sees it.</summary>
    public required string UnitContact { get; set; }

    /// <summary>受案 (受理) date, the opening event's 形成日期; no event is dated before it.</summary>
    public DateOnly AcceptedOn { get; set; }

    /// <summary>The latest visible event's type (by 形成日期), for the public statistics by stage.</summary>
    public required string StageCode { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>
/// One step of a case's timeline with its legal document. <see cref="FormedOn"/> starts the 5-working-day clock;
/// <see cref="VisibleUtc"/> is when the parties could first see it (null while it is held back).
/// </summary>
public sealed class CaseEventRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string TypeCode { get; set; }

    /// <summary>法律文书名称.</summary>
    public required string DocumentName { get; set; }

    /// <summary>文书文号, when the document has one.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>The detail the type asks for (强制措施种类 …), shown to the parties with the event.</summary>
    public string? Detail { get; set; }

    /// <summary>形成日期 (or the date it changed), a Beijing date.</summary>
    public DateOnly FormedOn { get; set; }

    public DateTime? VisibleUtc { get; set; }

    /// <summary>Which system sent it (an API source name, or null when staff entered it by hand) …</summary>
    public string? Source { get; set; }

    /// <summary>… and that system's id for it: the same event sent twice is stored once.</summary>
    public string? SourceEventId { get; set; }

    public DateTime RecordedUtc { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>
/// A party to a case in one role, and the hash of the 查询码 printed on their 回执 (the code itself is shown once, when
/// it is issued, and never stored).
/// </summary>
public sealed class CasePartyRecord
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public required string RoleCode { get; set; }

    /// <summary>SHA-256 of the normalised 查询码, hex; unique, so the query finds the party in one look-up.</summary>
    public required string QueryCodeHash { get; set; }

    /// <summary>Whether the party asked to be notified of each new visible step (through the app webhook channel).</summary>
    public bool Notify { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// A party's personal data (当事人信息), apart from everything else so that no list, query or statistic loads it by
/// accident. Read only through <see cref="Services.PartyDataAccess"/>, which records every read in the 台账.
/// </summary>
public sealed class CasePartyContactRecord
{
    public long PartyId { get; set; }

    public required string Name { get; set; }

    /// <summary>身份证件号码, when given; its last four characters are one of the query's second factors.</summary>
    public string? IdNumber { get; set; }

    /// <summary>联系电话, when given; its last four digits are the other second factor.</summary>
    public string? Phone { get; set; }
}
