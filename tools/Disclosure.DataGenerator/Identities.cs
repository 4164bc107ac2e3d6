using Disclosure.Core.Secrecy;

namespace Disclosure.DataGenerator;

/// <summary>Names, places and identity numbers shared by the 双公示 and application generators — valid check characters, so every real check passes.</summary>
internal static class Identities
{
    public static readonly string[] Surnames = ["马", "王", "李", "张", "杨", "刘", "丁", "田", "何", "周", "赵", "海", "纳", "金", "陈", "吴"];
    public static readonly string[] GivenNames = ["建国", "志强", "海军", "文斌", "小龙", "玉兰", "国庆", "晓东", "金花", "伟", "磊", "静", "春生", "有福", "德胜", "秀英"];
    public static readonly string[] Towns = ["杨和镇", "望洪镇", "闽宁镇", "李俊镇", "望远镇", "胜利乡", "增岗镇"];
    private const string CodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static string PersonName(Random random) => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    public static string Town(Random random) => Towns[random.Next(Towns.Length)];

    /// <summary>A 居民身份证号码 of Yongning county (640121) with its GB 11643 check character.</summary>
    public static string ResidentId(Random random)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 40 * 365));
        var first17 = $"640121{birth:yyyyMMdd}{random.Next(1, 1000):000}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    /// <summary>A 统一社会信用代码 (GB 32100) registered in Yongning; <paramref name="prefix"/> 91 = company, 92 = 个体工商户.</summary>
    public static string CreditCode(Random random, string prefix)
    {
        var first17 = prefix + "640121" + string.Concat(Enumerable.Range(0, 9).Select(_ => CodeCharacters[random.Next(CodeCharacters.Length)]));
        return first17 + Core.Text.CreditCode.CheckCharacter(first17);
    }
}
