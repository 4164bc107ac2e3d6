namespace Disclosure.Credit.Models;

/// <summary>
/// 行政相对人: the party a decision is about. Organisations carry up to six registration codes (统一社会信用代码
/// first; the others only where an old registration has no credit code yet); a natural person carries an
/// identity document instead; a 个体工商户's operator (经营者) goes in the 法定代表人 fields.
/// </summary>
public sealed record CreditParty
{
    public required string Name { get; init; }                           // 行政相对人名称
    public required PartyKind Kind { get; init; }                        // 行政相对人类别
    public string? CreditCode { get; init; }                             // 统一社会信用代码
    public string? BusinessRegistrationNumber { get; init; }             // 工商注册号
    public string? OrganisationCode { get; init; }                       // 组织机构代码
    public string? TaxRegistrationNumber { get; init; }                  // 税务登记号
    public string? InstitutionCertificateNumber { get; init; }           // 事业单位证书号
    public string? SocialOrganisationNumber { get; init; }               // 社会组织登记证号
    public string? LegalRepresentative { get; init; }                    // 法定代表人
    public string? LegalRepresentativeIdType { get; init; }              // 法定代表人证件类型
    public string? LegalRepresentativeIdNumber { get; init; }            // 法定代表人证件号码
    public string? IdType { get; init; }                                 // 证件类型
    public string? IdNumber { get; init; }                               // 证件号码
}

/// <summary>What a 双公示 record of either kind holds, as the office entered or imported it (the full, internal record).</summary>
public abstract record CreditRecordData
{
    public abstract CreditRecordKind Kind { get; }

    public required CreditParty Party { get; init; }

    /// <summary>行政许可决定文书号 / 行政处罚决定书文号: the record's identity within its kind.</summary>
    public required string DecisionNumber { get; init; }

    public required DateOnly DecisionDate { get; init; }                 // 许可决定日期 / 处罚决定日期
    public required string Authority { get; init; }                     // 许可机关 / 处罚机关
    public required string AuthorityCreditCode { get; init; }
    public required string SourceUnit { get; init; }                     // 数据来源单位
    public required string SourceUnitCreditCode { get; init; }
    public string? Remarks { get; init; }                                // 备注

    /// <summary>当事人为未成年人: never published (set by hand, or found from the ID number's birth date).</summary>
    public bool PartyIsMinor { get; init; }

    /// <summary>涉及国家秘密、商业秘密或者个人隐私: never published.</summary>
    public bool InvolvesSecrets { get; init; }
}

/// <summary>行政许可 (national 双公示 standard).</summary>
public sealed record LicenceData : CreditRecordData
{
    public override CreditRecordKind Kind => CreditRecordKind.Licence;

    public required string DecisionDocumentName { get; init; }           // 行政许可决定文书名称
    public required string Category { get; init; }                      // 许可类别
    public string? CertificateName { get; init; }                        // 许可证书名称
    public string? LicenceNumber { get; init; }                          // 许可编号
    public required string Content { get; init; }                        // 许可内容
    public required DateOnly ValidFrom { get; init; }                    // 有效期自
    public required DateOnly ValidUntil { get; init; }                   // 有效期至 (2099-12-31 = 长期)
    public required string CurrentState { get; init; }                   // 当前状态
}

/// <summary>行政处罚 (national 双公示 standard). Amounts are in 万元 with at most six decimals (one 分).</summary>
public sealed record PenaltyData : CreditRecordData
{
    public override CreditRecordKind Kind => CreditRecordKind.Penalty;

    public required string ViolationType { get; init; }                  // 违法行为类型
    public required string ViolationFacts { get; init; }                 // 违法事实
    public required string LegalBasis { get; init; }                     // 处罚依据
    public required IReadOnlyList<string> Categories { get; init; }      // 处罚类别
    public required string Content { get; init; }                        // 处罚内容
    public decimal? FineAmount { get; init; }                            // 罚款金额（万元）
    public decimal? ConfiscatedAmount { get; init; }                     // 没收违法所得、没收非法财物的金额（万元）
    public string? SuspendedLicence { get; init; }                       // 暂扣或吊销证照名称及编号
    public DateOnly? PenaltyValidUntil { get; init; }                    // 处罚有效期
    public required DateOnly PublicationEnd { get; init; }               // 公示截止期
    public required Severity Severity { get; init; }                     // 失信严重程度 (internal; no default: it sets the 公示期)
}
