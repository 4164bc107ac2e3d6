using Disclosure.Credit.Models;
using Disclosure.Storage.Agencies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Credit.Api;

/// <summary>
/// The examples the OpenAPI document shows for the 双公示 operations (see <c>WithResponseExample</c>): demo decisions
/// of 永宁县公安局, made public by <see cref="CreditMasking"/> exactly as a published record is, so the example shows
/// what the public sees (a natural person's name and ID number masked, a 法定代表人's ID number too).
/// </summary>
internal static class ApiExamples
{
    private const string Authority = "永宁县公安局";
    private const string AuthorityCreditCode = "11640121MB1570283J";

    private static readonly AgencyReference Agency = new("640121-103", Authority);

    /// <summary>A hotel's 特种行业许可 (a company: its 法定代表人's name stays, the ID number is masked).</summary>
    public static PublicLicence Licence { get; } = PublicLicence.From(2318, CreditMasking.ToPublic(new LicenceData
    {
        Party = new CreditParty
        {
            Name = "永宁县闽宁镇悦来宾馆有限公司", Kind = PartyKind.LegalEntity, CreditCode = "91640121MA7K3F2Q8Y",
            LegalRepresentative = "贺振华", LegalRepresentativeIdType = CreditVocabulary.ResidentIdCard, LegalRepresentativeIdNumber = "640121197806051527",
        },
        DecisionDocumentName = "特种行业许可证核发决定书",
        DecisionNumber = "永公(治)许字〔2026〕第214号",
        Category = "普通",
        CertificateName = "特种行业许可证（旅馆业）",
        LicenceNumber = "宁公特字6401212026000214",
        Content = "准予从事旅馆业经营，客房32间，经营地址：永宁县闽宁镇福宁村。",
        DecisionDate = new DateOnly(2026, 11, 16),
        ValidFrom = new DateOnly(2026, 11, 16),
        ValidUntil = CreditVocabulary.Indefinite,
        Authority = Authority,
        AuthorityCreditCode = AuthorityCreditCode,
        CurrentState = "有效",
        SourceUnit = Authority,
        SourceUnitCreditCode = AuthorityCreditCode,
    }), Agency);

    /// <summary>A 养犬登记 of a natural person: name and ID number masked, the name also in the 许可内容.</summary>
    private static PublicLicence DogLicence { get; } = PublicLicence.From(2317, CreditMasking.ToPublic(new LicenceData
    {
        Party = new CreditParty
        {
            Name = "苏晓东", Kind = PartyKind.NaturalPerson, IdType = CreditVocabulary.ResidentIdCard, IdNumber = "640121198503123014",
        },
        DecisionDocumentName = "养犬登记决定书",
        DecisionNumber = "永公(治)许字〔2026〕第213号",
        Category = "登记",
        CertificateName = "养犬登记证",
        LicenceNumber = "永犬登字20260913",
        Content = "准予苏晓东在望远镇饲养柯基犬一只（犬只已免疫、已植入电子标识）。",
        DecisionDate = new DateOnly(2026, 11, 13),
        ValidFrom = new DateOnly(2026, 11, 13),
        ValidUntil = new DateOnly(2027, 11, 12),
        Authority = Authority,
        AuthorityCreditCode = AuthorityCreditCode,
        CurrentState = "有效",
        SourceUnit = Authority,
        SourceUnitCreditCode = AuthorityCreditCode,
    }), Agency);

    public static CreditPage<PublicLicence> Licences { get; } = new(1, 20, 108, [Licence, DogLicence]);

    /// <summary>A 治安管理处罚 of a natural person: name and ID number masked, the name also in the facts.</summary>
    public static PublicPenalty Penalty { get; } = PublicPenalty.From(5126, CreditMasking.ToPublic(new PenaltyData
    {
        Party = new CreditParty
        {
            Name = "李德福", Kind = PartyKind.NaturalPerson, IdType = CreditVocabulary.ResidentIdCard, IdNumber = "64010619901123451X",
        },
        DecisionNumber = "永公(杨)行罚决字〔2026〕187号",
        ViolationType = "殴打他人",
        ViolationFacts = "2026年11月3日21时许，李德福在杨和镇一烧烤店内因琐事与他人发生争执，用拳头殴打对方，致其轻微伤。",
        LegalBasis = "《中华人民共和国治安管理处罚法》第四十三条第一款",
        Categories = ["罚款", "行政拘留"],
        Content = "行政拘留7日，并处罚款300元。",
        FineAmount = 0.03m,
        DecisionDate = new DateOnly(2026, 11, 12),
        PublicationEnd = new DateOnly(2027, 11, 12),
        Severity = Severity.General,
        Authority = Authority,
        AuthorityCreditCode = AuthorityCreditCode,
        SourceUnit = Authority,
        SourceUnitCreditCode = AuthorityCreditCode,
    }), Agency);

    /// <summary>A 个体工商户's: the business's name and credit code stay, its operator's name is masked (also inside the business name).</summary>
    private static PublicPenalty HotelPenalty { get; } = PublicPenalty.From(5125, CreditMasking.ToPublic(new PenaltyData
    {
        Party = new CreditParty
        {
            Name = "永宁县王秀兰旅社", Kind = PartyKind.IndividualBusiness, CreditCode = "92640121MA7E5RN2XJ",
            LegalRepresentative = "王秀兰", LegalRepresentativeIdType = CreditVocabulary.ResidentIdCard, LegalRepresentativeIdNumber = "640121198503123014",
        },
        DecisionNumber = "永公(治)行罚决字〔2026〕96号",
        ViolationType = "旅馆业工作人员不按规定登记住宿旅客信息",
        ViolationFacts = "2026年10月28日，民警检查发现该旅社接待两名旅客住宿，未按规定登记旅客姓名、身份证件种类和号码。",
        LegalBasis = "《中华人民共和国治安管理处罚法》第五十六条第一款",
        Categories = ["罚款"],
        Content = "罚款500元。",
        FineAmount = 0.05m,
        DecisionDate = new DateOnly(2026, 11, 10),
        PublicationEnd = new DateOnly(2027, 2, 10),
        Severity = Severity.General,
        Authority = Authority,
        AuthorityCreditCode = AuthorityCreditCode,
        SourceUnit = Authority,
        SourceUnitCreditCode = AuthorityCreditCode,
    }), Agency);

    public static CreditPage<PublicPenalty> Penalties { get; } = new(1, 20, 241, [Penalty, HotelPenalty]);

    /// <summary>A file of 36 rows imported (batch number as the importer writes it: a GUID without dashes).</summary>
    public static CreditImportResponse Imported { get; } = new(false, 36, 35, 1, "7c4e2b9a1f3d4e8b9a6c5d2e1f0a3b4c");

    /// <summary>The 422 a file with two bad rows gets: nothing imported, every problem listed.</summary>
    public static ProblemDetails Refused { get; } = new()
    {
        Type = "https://tools.ietf.org/html/rfc4918#section-11.2",
        Title = "文件有误：未导入任何记录",
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = "行政处罚文件共 36 行数据，其中 2 行有错误，共 2 处；未导入任何记录。" +
            "第 5 行「罚款金额（万元）」：「处罚类别」含罚款，须填写「罚款金额（万元）」。；" +
            "第 12 行「处罚决定日期」：「处罚决定日期」2026-12-21 晚于今天（2026-12-09），决定尚未作出不能公示。。",
        Extensions =
        {
            ["rows"] = 36,
            ["badRows"] = 2,
            ["problemCount"] = 2,
            ["errors"] = new List<ImportProblemResponse>
            {
                new(5, "罚款金额（万元）", "缺少关联项", "「处罚类别」含罚款，须填写「罚款金额（万元）」。"),
                new(12, "处罚决定日期", "日期晚于今天", "「处罚决定日期」2026-12-21 晚于今天（2026-12-09），决定尚未作出不能公示。"),
            },
        },
    };
}
