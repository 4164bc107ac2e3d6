using System.Globalization;
using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Credit.Models;

namespace Disclosure.DataGenerator;

/// <summary>
/// Deterministic 双公示 rows in the import format (the labels of <see cref="CreditFields"/>): natural persons with
/// GB 11643 check characters, 个体工商户 and companies with GB 32100 codes, texts of realistic length, decisions spread
/// over the given dates. They go through the real <c>CreditImporter</c> — every check, the masking and the
/// publication rule apply to generated rows exactly as to an office's file.
/// </summary>
public sealed class CreditCorpus(int seed, DateOnly firstDecision, DateOnly lastDecision, string numberPrefix = "")
{
    private static readonly (string Facts, string Basis, string Type)[] Violations =
    [
        ("因琐事与他人发生争执并殴打对方，致其轻微伤", "《中华人民共和国治安管理处罚法》第四十三条第一款", "违反治安管理"),
        ("无烟花爆竹经营许可证销售烟花爆竹", "《烟花爆竹安全管理条例》第三十六条第一款", "违反烟花爆竹安全管理"),
        ("经营旅馆未按规定登记住宿旅客身份信息", "《中华人民共和国治安管理处罚法》第五十六条第一款", "违反旅馆业治安管理"),
        ("驾驶未经登记的机动车上道路行驶", "《中华人民共和国道路交通安全法》第九十五条第一款", "违反道路交通安全管理"),
    ];
    private static readonly (string Document, string Certificate, string Content)[] LicenceKinds =
    [
        ("烟花爆竹经营（零售）许可决定书", "烟花爆竹经营（零售）许可证", "准予在{0}从事烟花爆竹零售经营"),
        ("旅馆业特种行业许可决定书", "特种行业许可证", "准予在{0}经营旅馆业"),
        ("公章刻制业特种行业许可决定书", "特种行业许可证", "准予在{0}从事公章刻制业务"),
        ("大型群众性活动安全许可决定书", "大型群众性活动安全许可", "准予在{0}举办大型群众性活动"),
    ];
    private const string Authority = "永宁县公安局";
    private const string AuthorityCode = "11640121MB1570283J";

    public static string[] Headers(CreditRecordKind kind) => CreditFields.For(kind).Labels.ToArray();

    /// <summary>行政处罚 rows 1…<paramref name="count"/>; row i is the same in every run with the same seed.</summary>
    public IEnumerable<string?[]> Penalties(int count)
    {
        var random = new Random(seed);
        var set = CreditFields.Penalty;
        for (var i = 1; i <= count; i++)
        {
            var row = new string?[set.Count];
            void Put(string key, string? value) => row[set.IndexOf(key)] = value;
            var decided = Date(random);
            var town = Identities.Town(random);
            var name = Party(random, i, town, Put);
            var violation = Violations[random.Next(Violations.Length)];
            var fine = random.Next(1, 50) * 100;
            Put(CreditFields.PartyName, name);
            Put(CreditFields.DecisionNumber, $"永公(治)行罚决字〔{decided.Year}〕{numberPrefix}{i}号");
            Put(CreditFields.ViolationType, violation.Type);
            Put(CreditFields.ViolationFacts, $"{DateText.Chinese(decided.AddDays(-5))}，{name}在{town}{violation.Facts}，经调查属实，有现场视频、证人证言等证据证实。");
            Put(CreditFields.LegalBasis, violation.Basis);
            Put(CreditFields.PenaltyCategories, "罚款");
            Put(CreditFields.PenaltyContent, $"罚款{fine}元。");
            Put(CreditFields.FineAmount, (fine / 10000m).ToString(CultureInfo.InvariantCulture));
            Put(CreditFields.DecisionDate, Iso(decided));
            PutAuthority(Put);
            Put(CreditFields.Severity, random.Next(10) == 0 ? "严重" : "一般");
            yield return row;
        }
    }

    /// <summary>行政许可 rows 1…<paramref name="count"/>, valid for three years from the decision.</summary>
    public IEnumerable<string?[]> Licences(int count)
    {
        var random = new Random(seed + 1);
        var set = CreditFields.Licence;
        for (var i = 1; i <= count; i++)
        {
            var row = new string?[set.Count];
            void Put(string key, string? value) => row[set.IndexOf(key)] = value;
            var decided = Date(random);
            var town = Identities.Town(random);
            var name = Party(random, i, town, Put);
            var licence = LicenceKinds[random.Next(LicenceKinds.Length)];
            Put(CreditFields.PartyName, name);
            Put(CreditFields.DecisionDocumentName, licence.Document);
            Put(CreditFields.DecisionNumber, $"永公(治)许字〔{decided.Year}〕{numberPrefix}{i}号");
            Put(CreditFields.LicenceCategory, "普通");
            Put(CreditFields.CertificateName, licence.Certificate);
            Put(CreditFields.LicenceNumber, $"YN{decided.Year}{numberPrefix}{i:000000}");
            Put(CreditFields.LicenceContent, string.Format(CultureInfo.InvariantCulture, licence.Content, town));
            Put(CreditFields.DecisionDate, Iso(decided));
            Put(CreditFields.ValidFrom, Iso(decided));
            Put(CreditFields.ValidUntil, Iso(decided.AddYears(3).AddDays(-1)));
            Put(CreditFields.CurrentState, "有效");
            PutAuthority(Put);
            yield return row;
        }
    }

    private DateOnly Date(Random random) => firstDecision.AddDays(random.Next(0, lastDecision.DayNumber - firstDecision.DayNumber + 1));

    /// <summary>Seven in ten parties are natural persons (their names and ID numbers are what masking must hide).</summary>
    private static string Party(Random random, int i, string town, Action<string, string?> put)
    {
        var kind = random.Next(10);
        if (kind < 7)
        {
            put(CreditFields.PartyKind, "自然人");
            put(CreditFields.IdType, "身份证");
            put(CreditFields.IdNumber, Identities.ResidentId(random));
            return Identities.PersonName(random);
        }

        var business = kind < 9;
        put(CreditFields.PartyKind, business ? "个体工商户" : "法人及非法人组织");
        put(CreditFields.CreditCode, Identities.CreditCode(random, business ? "92" : "91"));
        put(CreditFields.LegalRepresentative, Identities.PersonName(random));
        put(CreditFields.LegalRepresentativeIdType, "身份证");
        put(CreditFields.LegalRepresentativeIdNumber, Identities.ResidentId(random));
        return business ? $"永宁县{town}{Identities.Surnames[random.Next(Identities.Surnames.Length)]}记烟花爆竹零售点{i}" : $"宁夏永宁第{i}号商贸有限公司";
    }

    private static void PutAuthority(Action<string, string?> put)
    {
        put(CreditFields.Authority, Authority);
        put(CreditFields.AuthorityCreditCode, AuthorityCode);
        put(CreditFields.SourceUnit, Authority);
        put(CreditFields.SourceUnitCreditCode, AuthorityCode);
    }

    private static string Iso(DateOnly date) => DateText.Date(date);
}

/// <summary>Generated rows as a table the importer reads (header first, numbered like a file's rows).</summary>
public sealed class GeneratedTable(IReadOnlyList<string> headers, IEnumerable<string?[]> rows) : ITableReader
{
    public IEnumerable<TableRow> Rows()
    {
        yield return new TableRow(1, headers);
        var number = 1;
        foreach (var row in rows)
        {
            yield return new TableRow(++number, Array.ConvertAll(row, cell => cell ?? string.Empty));
        }
    }

    public void Dispose()
    {
    }
}
