namespace Disclosure.Credit.Models;

/// <summary>
/// The 双公示 fields of standards.md §4 (national 行政许可 and 行政处罚 data standards), with the labels exactly as
/// published, and a handful of internal columns the office needs to decide what may go public.
/// </summary>
public static class CreditFields
{
    public const int NameLength = 200;
    public const int CodeLength = 50;
    public const int NumberLength = 128;
    public const int LongText = 4000;
    public const int RemarksLength = 512;

    public const string PartyName = "partyName";
    public const string PartyKind = "partyKind";
    public const string CreditCode = "creditCode";
    public const string BusinessRegistrationNumber = "businessRegistrationNumber";
    public const string OrganisationCode = "organisationCode";
    public const string TaxRegistrationNumber = "taxRegistrationNumber";
    public const string InstitutionCertificateNumber = "institutionCertificateNumber";
    public const string SocialOrganisationNumber = "socialOrganisationNumber";
    public const string LegalRepresentative = "legalRepresentative";
    public const string LegalRepresentativeIdType = "legalRepresentativeIdType";
    public const string LegalRepresentativeIdNumber = "legalRepresentativeIdNumber";
    public const string IdType = "idType";
    public const string IdNumber = "idNumber";

    public const string DecisionDocumentName = "decisionDocumentName";
    public const string DecisionNumber = "decisionNumber";
    public const string LicenceCategory = "licenceCategory";
    public const string CertificateName = "certificateName";
    public const string LicenceNumber = "licenceNumber";
    public const string LicenceContent = "licenceContent";
    public const string DecisionDate = "decisionDate";
    public const string ValidFrom = "validFrom";
    public const string ValidUntil = "validUntil";
    public const string Authority = "authority";
    public const string AuthorityCreditCode = "authorityCreditCode";
    public const string CurrentState = "currentState";
    public const string SourceUnit = "sourceUnit";
    public const string SourceUnitCreditCode = "sourceUnitCreditCode";
    public const string Remarks = "remarks";

    public const string ViolationType = "violationType";
    public const string ViolationFacts = "violationFacts";
    public const string LegalBasis = "legalBasis";
    public const string PenaltyCategories = "penaltyCategories";
    public const string PenaltyContent = "penaltyContent";
    public const string FineAmount = "fineAmount";
    public const string ConfiscatedAmount = "confiscatedAmount";
    public const string SuspendedLicence = "suspendedLicence";
    public const string PenaltyValidUntil = "penaltyValidUntil";
    public const string PublicationEnd = "publicationEnd";

    public const string Severity = "severity";
    public const string PartyIsMinor = "partyIsMinor";
    public const string InvolvesSecrets = "involvesSecrets";

    /// <summary>The six 行政相对人代码 of an organisation, credit code first.</summary>
    public static readonly IReadOnlyList<string> PartyCodes =
        [CreditCode, BusinessRegistrationNumber, OrganisationCode, TaxRegistrationNumber, InstitutionCertificateNumber, SocialOrganisationNumber];

    /// <summary>
    /// How the national upload templates head the six code columns (standards.md §6), e.g.
    /// 行政相对人代码_1（统一社会信用代码）; an import accepts these beside the plain field names.
    /// </summary>
    public static string NationalCodeHeader(int position, string label) => $"行政相对人代码_{position}（{label}）";

    private static readonly CreditField[] Party =
    [
        new(PartyName, "行政相对人名称", MaxLength: NameLength, Required: true),
        new(PartyKind, "行政相对人类别", CreditFieldType.Choice, Required: true, Options: CreditVocabulary.PartyKinds),
        new(CreditCode, "统一社会信用代码", MaxLength: 18, Hint: "法人及非法人组织、个体工商户填写（GB 32100，18 位）", HeaderAliases: [NationalCodeHeader(1, "统一社会信用代码")]),
        new(BusinessRegistrationNumber, "工商注册号", MaxLength: CodeLength, HeaderAliases: [NationalCodeHeader(2, "工商注册号")]),
        new(OrganisationCode, "组织机构代码", MaxLength: CodeLength, HeaderAliases: [NationalCodeHeader(3, "组织机构代码")]),
        new(TaxRegistrationNumber, "税务登记号", MaxLength: CodeLength, HeaderAliases: [NationalCodeHeader(4, "税务登记号")]),
        new(InstitutionCertificateNumber, "事业单位证书号", MaxLength: CodeLength, HeaderAliases: [NationalCodeHeader(5, "事业单位证书号")]),
        new(SocialOrganisationNumber, "社会组织登记证号", MaxLength: CodeLength, HeaderAliases: [NationalCodeHeader(6, "社会组织登记证号")]),
        new(LegalRepresentative, "法定代表人", MaxLength: 50, Hint: "个体工商户填写经营者"),
        new(LegalRepresentativeIdType, "法定代表人证件类型", CreditFieldType.Choice, Options: CreditVocabulary.IdTypes),
        new(LegalRepresentativeIdNumber, "法定代表人证件号码", MaxLength: 64),
        new(IdType, "证件类型", CreditFieldType.Choice, Options: CreditVocabulary.IdTypes, Hint: "自然人填写"),
        new(IdNumber, "证件号码", MaxLength: 64, Hint: "自然人填写"),
    ];

    private static readonly CreditField[] Flags =
    [
        new(PartyIsMinor, "当事人为未成年人", CreditFieldType.YesNo, Public: false, Options: CreditVocabulary.YesNo, Hint: "是：不予公示"),
        new(InvolvesSecrets, "涉及国家秘密、商业秘密或者个人隐私", CreditFieldType.YesNo, Public: false, Options: CreditVocabulary.YesNo, Hint: "是：不予公示"),
    ];

    public static CreditFieldSet Licence { get; } = new(CreditRecordKind.Licence,
    [
        .. Party,
        new(DecisionDocumentName, "行政许可决定文书名称", MaxLength: NameLength, Required: true),
        new(DecisionNumber, "行政许可决定文书号", MaxLength: NumberLength, Required: true),
        new(LicenceCategory, "许可类别", CreditFieldType.Choice, Required: true, Options: CreditVocabulary.LicenceCategories),
        new(CertificateName, "许可证书名称", MaxLength: NameLength),
        new(LicenceNumber, "许可编号", MaxLength: NumberLength),
        new(LicenceContent, "许可内容", MaxLength: LongText, Required: true),
        new(DecisionDate, "许可决定日期", CreditFieldType.Date, Required: true),
        new(ValidFrom, "有效期自", CreditFieldType.Date, Required: true),
        new(ValidUntil, "有效期至", CreditFieldType.Date, Required: true, Hint: "长期有效填 2099-12-31"),
        new(Authority, "许可机关", MaxLength: NameLength, Required: true),
        new(AuthorityCreditCode, "许可机关统一社会信用代码", MaxLength: 18, Required: true),
        new(CurrentState, "当前状态", CreditFieldType.Choice, Required: true, Options: CreditVocabulary.LicenceStates),
        new(SourceUnit, "数据来源单位", MaxLength: NameLength, Required: true),
        new(SourceUnitCreditCode, "数据来源单位统一社会信用代码", MaxLength: 18, Required: true),
        new(Remarks, "备注", MaxLength: RemarksLength),
        .. Flags,
    ]);

    public static CreditFieldSet Penalty { get; } = new(CreditRecordKind.Penalty,
    [
        .. Party,
        new(DecisionNumber, "行政处罚决定书文号", MaxLength: NumberLength, Required: true),
        new(ViolationType, "违法行为类型", MaxLength: 2000, Required: true),
        new(ViolationFacts, "违法事实", MaxLength: LongText, Required: true),
        new(LegalBasis, "处罚依据", MaxLength: 2000, Required: true),
        new(PenaltyCategories, "处罚类别", CreditFieldType.MultiChoice, Required: true, Options: CreditVocabulary.PenaltyCategories, Hint: "可多项，用“、”分隔"),
        new(PenaltyContent, "处罚内容", MaxLength: LongText, Required: true),
        new(FineAmount, "罚款金额（万元）", CreditFieldType.Amount, Hint: "处罚类别含罚款时必填，最多 6 位小数"),
        new(ConfiscatedAmount, "没收违法所得、没收非法财物的金额（万元）", CreditFieldType.Amount, Hint: "处罚类别含没收时必填"),
        new(SuspendedLicence, "暂扣或吊销证照名称及编号", MaxLength: NameLength, Hint: "处罚类别含暂扣、吊销许可证件时必填"),
        new(DecisionDate, "处罚决定日期", CreditFieldType.Date, Required: true),
        new(PenaltyValidUntil, "处罚有效期", CreditFieldType.Date, Hint: "长期填 2099-12-31"),
        new(PublicationEnd, "公示截止期", CreditFieldType.Date, Hint: "留空按失信严重程度的最长公示期自动计算"),
        new(Authority, "处罚机关", MaxLength: NameLength, Required: true),
        new(AuthorityCreditCode, "处罚机关统一社会信用代码", MaxLength: 18, Required: true),
        new(SourceUnit, "数据来源单位", MaxLength: NameLength, Required: true),
        new(SourceUnitCreditCode, "数据来源单位统一社会信用代码", MaxLength: 18, Required: true),
        new(Remarks, "备注", MaxLength: RemarksLength),
        new(Severity, "失信严重程度", CreditFieldType.Choice, Required: true, Public: false, Options: CreditVocabulary.Severities, Hint: "轻微、一般、严重；决定公示期限，须逐条认定"),
        .. Flags,
    ]);

    public static CreditFieldSet For(CreditRecordKind kind) => kind == CreditRecordKind.Licence ? Licence : Penalty;
}
