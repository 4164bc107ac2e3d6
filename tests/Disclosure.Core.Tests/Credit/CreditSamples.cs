using System.Globalization;
using System.Text;
using CheckCode = Disclosure.Core.Text.CreditCode;
using Disclosure.Credit.Models;
using Disclosure.Core.Secrecy;
using Disclosure.Core.Tables;

namespace Disclosure.Core.Tests.Credit;

/// <summary>
/// Valid 双公示 rows to start tests from (each test changes one thing), with check characters computed, not
/// copied. Shared by the Core, Storage and Web tests (linked into Storage.Tests).
/// </summary>
public static class CreditSamples
{
    public const string Authority = "永宁县公安局";
    public const string AuthorityCode = "11640121MB1570283J";

    /// <summary>A 公民身份号码 with a correct GB 11643 check character.</summary>
    public static string ResidentId(string area, DateOnly birth, int sequence)
    {
        var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    /// <summary>A 统一社会信用代码 with a correct GB 32100 check character.</summary>
    public static string CreditCode(string first17) => first17 + CheckCode.CheckCharacter(first17);

    public static readonly string PersonId = ResidentId("640121", new DateOnly(1988, 4, 17), 31);

    public static Dictionary<string, string?> Penalty(string number = "永公(杨)行罚决字〔2026〕101号", string decided = "2026-06-15") => new()
    {
        [CreditFields.PartyName] = "马建国",
        [CreditFields.PartyKind] = "自然人",
        [CreditFields.IdType] = "身份证",
        [CreditFields.IdNumber] = PersonId,
        [CreditFields.DecisionNumber] = number,
        [CreditFields.ViolationType] = "违反治安管理",
        [CreditFields.ViolationFacts] = $"2026年6月10日，马建国在杨和镇某烧烤店内酒后滋事，殴打他人，致一人轻微伤。马建国身份证号码{PersonId}。",
        [CreditFields.LegalBasis] = "《中华人民共和国治安管理处罚法》第四十三条第一款",
        [CreditFields.PenaltyCategories] = "罚款、行政拘留",
        [CreditFields.PenaltyContent] = "行政拘留五日，并处罚款五百元。",
        [CreditFields.FineAmount] = "0.05",
        [CreditFields.DecisionDate] = decided,
        [CreditFields.Authority] = Authority,
        [CreditFields.AuthorityCreditCode] = AuthorityCode,
        [CreditFields.SourceUnit] = Authority,
        [CreditFields.SourceUnitCreditCode] = AuthorityCode,        [CreditFields.Severity] = "一般",
    };

    public static Dictionary<string, string?> Licence(string number = "永公(治)许字〔2026〕第018号", string decided = "2026-06-15") => new()
    {
        [CreditFields.PartyName] = "永宁县鸿运宾馆有限公司",
        [CreditFields.PartyKind] = "法人及非法人组织",
        [CreditFields.CreditCode] = CreditCode("91640121MA76X2K3Q"),
        [CreditFields.LegalRepresentative] = "周丽",
        [CreditFields.LegalRepresentativeIdType] = "身份证",
        [CreditFields.LegalRepresentativeIdNumber] = ResidentId("640121", new DateOnly(1979, 11, 2), 46),
        [CreditFields.DecisionDocumentName] = "特种行业许可证核发决定书",
        [CreditFields.DecisionNumber] = number,
        [CreditFields.LicenceCategory] = "普通",
        [CreditFields.CertificateName] = "特种行业许可证（旅馆业）",
        [CreditFields.LicenceNumber] = "宁公特旅字640121202600018",
        [CreditFields.LicenceContent] = "准予从事旅馆业经营，客房 36 间。",
        [CreditFields.DecisionDate] = decided,
        [CreditFields.ValidFrom] = decided,
        [CreditFields.ValidUntil] = "2099-12-31",
        [CreditFields.Authority] = Authority,
        [CreditFields.AuthorityCreditCode] = AuthorityCode,
        [CreditFields.CurrentState] = "有效",
        [CreditFields.SourceUnit] = Authority,
        [CreditFields.SourceUnitCreditCode] = AuthorityCode,
    };

    public static CreditRowValues Values(CreditFieldSet set, IReadOnlyDictionary<string, string?> byKey) =>
        new(set, set.Fields.Select(f => byKey.GetValueOrDefault(f.Key)).ToArray());

    /// <summary>A CSV file (UTF-8 with BOM) with the standard header and the given rows.</summary>
    public static byte[] Csv(CreditFieldSet set, IEnumerable<IReadOnlyDictionary<string, string?>> rows, Encoding? encoding = null) =>
        CsvTableWriter.ToBytes(rows.Select(row => set.Fields.Select(f => row.GetValueOrDefault(f.Key))).Prepend(set.Labels), encoding: encoding);

    public static CsvTableReader CsvReader(byte[] file) => CsvTableReader.Open(new MemoryStream(file));

    public static CreditParseContext Context(string today = "2026-11-23") =>
        new(DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture), CreditPolicy.Default);
}
