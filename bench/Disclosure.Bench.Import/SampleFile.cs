using System.Globalization;
using Disclosure.Core.Credit;
using Disclosure.Core.Secrecy;
using Disclosure.Core.Tables;
using Disclosure.Media.Tables;

namespace Disclosure.Bench.Import;

/// <summary>
/// A deterministic file of valid 行政处罚 rows (fixed seed: the same bytes every run), written streaming in the
/// import format — natural persons with GB 11643 check digits, 个体工商户 and companies with GB 32100 codes, and
/// texts of realistic length, so parsing and masking do their real work.
/// </summary>
internal static class SampleFile
{
    private static readonly string[] Surnames = ["马", "王", "李", "张", "杨", "刘", "丁", "田", "何", "周", "赵", "海", "纳", "金", "陈", "吴"];
    private static readonly string[] GivenNames = ["建国", "志强", "海军", "文斌", "小龙", "玉兰", "国庆", "晓东", "金花", "伟", "磊", "静", "春生", "有福", "德胜", "秀英"];
    private static readonly string[] Towns = ["杨和镇", "望洪镇", "闽宁镇", "李俊镇", "望远镇", "胜利乡", "增岗镇"];
    private const string CodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static void Write(string path, TableFormat format, int rows)
    {
        var data = Rows(rows);
        var headers = CreditFields.Penalty.Labels;
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        if (format == TableFormat.Xlsx)
        {
            XlsxTableWriter.WriteAsync(file, "行政处罚", headers, data).GetAwaiter().GetResult();
        }
        else
        {
            using var writer = new CsvTableWriter(new StreamWriter(file, CsvTableWriter.Utf8WithBom, 1 << 16));
            writer.WriteRow(headers);
            foreach (var row in data)
            {
                writer.WriteRow(row);
            }
        }
    }

    private static IEnumerable<string?[]> Rows(int count)
    {
        var random = new Random(20261123);
        var set = CreditFields.Penalty;
        var start = new DateOnly(2025, 12, 1);
        for (var i = 1; i <= count; i++)
        {
            var row = new string?[set.Count];
            void Put(string key, string? value) => row[set.IndexOf(key)] = value;
            var decided = start.AddDays(random.Next(0, 300));
            var town = Towns[random.Next(Towns.Length)];
            var kind = random.Next(10);
            string name;
            if (kind < 7)
            {
                name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
                Put(CreditFields.PartyKind, "自然人");
                Put(CreditFields.IdType, "身份证");
                Put(CreditFields.IdNumber, ResidentId(random));
            }
            else
            {
                var business = kind < 9;
                name = business ? $"永宁县{town}{Surnames[random.Next(Surnames.Length)]}记烟花爆竹零售点{i}" : $"宁夏永宁第{i}号商贸有限公司";
                Put(CreditFields.PartyKind, business ? "个体工商户" : "法人及非法人组织");
                Put(CreditFields.CreditCode, CreditCode(random, business ? "92" : "91"));
                Put(CreditFields.LegalRepresentative, Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)]);
                Put(CreditFields.LegalRepresentativeIdType, "身份证");
                Put(CreditFields.LegalRepresentativeIdNumber, ResidentId(random));
            }

            var fine = random.Next(1, 50) * 100;
            Put(CreditFields.PartyName, name);
            Put(CreditFields.DecisionNumber, $"永公(治)行罚决字〔{decided.Year}〕{i}号");
            Put(CreditFields.ViolationType, "违反治安管理");
            Put(CreditFields.ViolationFacts, $"{decided.AddDays(-5):yyyy年M月d日}，{name}在{town}因琐事与他人发生争执并殴打对方，致其轻微伤，经调查属实，有现场视频、证人证言等证据证实。");
            Put(CreditFields.LegalBasis, "《中华人民共和国治安管理处罚法》第四十三条第一款");
            Put(CreditFields.PenaltyCategories, "罚款");
            Put(CreditFields.PenaltyContent, $"罚款{fine}元。");
            Put(CreditFields.FineAmount, (fine / 10000m).ToString(CultureInfo.InvariantCulture));
            Put(CreditFields.DecisionDate, decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Put(CreditFields.Authority, "永宁县公安局");
            Put(CreditFields.AuthorityCreditCode, "11640121MB1570283J");
            Put(CreditFields.SourceUnit, "永宁县公安局");
            Put(CreditFields.SourceUnitCreditCode, "11640121MB1570283J");
            Put(CreditFields.Severity, "一般");
            yield return row;
        }
    }

    private static string ResidentId(Random random)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 40 * 365));
        var first17 = $"640121{birth:yyyyMMdd}{random.Next(1, 1000):000}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    private static string CreditCode(Random random, string prefix)
    {
        var first17 = prefix + "640121" + string.Concat(Enumerable.Range(0, 9).Select(_ => CodeCharacters[random.Next(CodeCharacters.Length)]));
        return first17 + Core.Credit.CreditCode.CheckCharacter(first17);
    }
}
