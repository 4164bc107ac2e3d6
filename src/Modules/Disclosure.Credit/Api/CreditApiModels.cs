using Disclosure.Core.Time;
using Disclosure.Credit.Models;
using Disclosure.Storage.Agencies;
namespace Disclosure.Credit.Api;

/// <summary>行政相对人 as published: a natural person's name and document number masked, the operator of a 个体工商户 too.</summary>
public sealed record PublicCreditParty(
    string Name,                              // 行政相对人名称
    string Kind,                              // 行政相对人类别
    string? CreditCode,                       // 统一社会信用代码
    string? BusinessRegistrationNumber,       // 工商注册号
    string? OrganisationCode,                 // 组织机构代码
    string? TaxRegistrationNumber,            // 税务登记号
    string? InstitutionCertificateNumber,     // 事业单位证书号
    string? SocialOrganisationNumber,         // 社会组织登记证号
    string? LegalRepresentative,              // 法定代表人
    string? LegalRepresentativeIdType,        // 法定代表人证件类型
    string? LegalRepresentativeIdNumber,      // 法定代表人证件号码 (masked)
    string? IdType,                           // 证件类型
    string? IdNumber)                         // 证件号码 (masked)
{
    public static PublicCreditParty From(CreditParty party) => new(
        party.Name, CreditVocabulary.Name(party.Kind), party.CreditCode, party.BusinessRegistrationNumber, party.OrganisationCode,
        party.TaxRegistrationNumber, party.InstitutionCertificateNumber, party.SocialOrganisationNumber, party.LegalRepresentative,
        party.LegalRepresentativeIdType, party.LegalRepresentativeIdNumber, party.IdType, party.IdNumber);
}

/// <summary>A published 行政许可 (national 双公示 fields; dates YYYY-MM-DD, 有效期至 2099-12-31 meaning 长期).</summary>
public sealed record PublicLicence(
    long Id,
    string Url,
    AgencyReference Agency,        // 所属机构 {code, name}
    PublicCreditParty Party,
    string DecisionDocumentName,   // 行政许可决定文书名称
    string DecisionNumber,         // 行政许可决定文书号
    string Category,               // 许可类别
    string? CertificateName,       // 许可证书名称
    string? LicenceNumber,         // 许可编号
    string Content,                // 许可内容
    string DecisionDate,           // 许可决定日期
    string ValidFrom,              // 有效期自
    string ValidUntil,             // 有效期至
    string Authority,              // 许可机关
    string AuthorityCreditCode,    // 许可机关统一社会信用代码
    string CurrentState,           // 当前状态
    string SourceUnit,             // 数据来源单位
    string SourceUnitCreditCode,   // 数据来源单位统一社会信用代码
    string? Remarks)               // 备注
{
    public static PublicLicence From(long id, LicenceData r, AgencyReference agency) => new(
        id, $"/api/v1/credit/licences/{id}", agency, PublicCreditParty.From(r.Party), r.DecisionDocumentName, r.DecisionNumber, r.Category, r.CertificateName,
        r.LicenceNumber, r.Content, Date(r.DecisionDate), Date(r.ValidFrom), Date(r.ValidUntil), r.Authority, r.AuthorityCreditCode, r.CurrentState,
        r.SourceUnit, r.SourceUnitCreditCode, r.Remarks);

    internal static string Date(DateOnly date) => DateText.Date(date);
}

/// <summary>A published 行政处罚 (national 双公示 fields; amounts in 万元 with up to six decimals).</summary>
public sealed record PublicPenalty(
    long Id,
    string Url,
    AgencyReference Agency,             // 所属机构 {code, name}
    PublicCreditParty Party,
    string DecisionNumber,              // 行政处罚决定书文号
    string ViolationType,               // 违法行为类型
    string ViolationFacts,              // 违法事实
    string LegalBasis,                  // 处罚依据
    IReadOnlyList<string> Categories,   // 处罚类别
    string Content,                     // 处罚内容
    decimal? FineAmount,                // 罚款金额（万元）
    decimal? ConfiscatedAmount,         // 没收违法所得、没收非法财物的金额（万元）
    string? SuspendedLicence,           // 暂扣或吊销证照名称及编号
    string DecisionDate,                // 处罚决定日期
    string? PenaltyValidUntil,          // 处罚有效期
    string PublicationEnd,              // 公示截止期
    string Authority,                   // 处罚机关
    string AuthorityCreditCode,         // 处罚机关统一社会信用代码
    string SourceUnit,                  // 数据来源单位
    string SourceUnitCreditCode,        // 数据来源单位统一社会信用代码
    string? Remarks)                    // 备注
{
    public static PublicPenalty From(long id, PenaltyData r, AgencyReference agency) => new(
        id, $"/api/v1/credit/penalties/{id}", agency, PublicCreditParty.From(r.Party), r.DecisionNumber, r.ViolationType, r.ViolationFacts, r.LegalBasis,
        r.Categories, r.Content, r.FineAmount, r.ConfiscatedAmount, r.SuspendedLicence, PublicLicence.Date(r.DecisionDate),
        r.PenaltyValidUntil is { } until ? PublicLicence.Date(until) : null, PublicLicence.Date(r.PublicationEnd), r.Authority, r.AuthorityCreditCode,
        r.SourceUnit, r.SourceUnitCreditCode, r.Remarks);
}

public sealed record CreditPage<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items);
