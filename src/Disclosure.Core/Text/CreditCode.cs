namespace Disclosure.Core.Text;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capitals without I, O, Z, S, V):
/// 登记管理部门代码, 机构类别代码, 6-digit area code, 9-character 组织机构代码, and a check character computed with
/// the weights 3^i mod 31. Checking the check character catches nearly every typo an import file carries; the area
/// code is checked to be digits too, since a code whose check character happens to fit can still be no code at all.
/// One check for every caller: 双公示 import, 站点设置 and the 依申请公开 form.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    private const int AreaCodeStart = 2;

    private const int AreaCodeLength = 6;

    private const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>登记管理部门 9 (工商/市场监管) with 机构类别 2: 个体工商户.</summary>
    public const string IndividualBusinessPrefix = "92";

    public static bool IsValid(string? code) => Check(code) is null;

    public static bool IsIndividualBusiness(string code) => code.StartsWith(IndividualBusinessPrefix, StringComparison.Ordinal);

    /// <summary>The check character for the first 17 characters, or null when they are not 17 allowed characters.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Characters.IndexOf(first17[i]);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Characters[check == 31 ? 0 : check];
    }

    /// <summary>Null for a valid code, otherwise what is wrong with it in zh-CN (without the field name).</summary>
    public static string? Check(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "为空";
        }

        if (code.Length != Length)
        {
            return $"应为 {Length} 位，实为 {code.Length} 位";
        }

        foreach (var c in code)
        {
            if (!Characters.Contains(c))
            {
                return $"含有不允许的字符“{c}”（只能是数字和除 I、O、Z、S、V 以外的大写字母）";
            }
        }

        // 登记管理机关行政区划码 (positions 3–8) is a 6-digit GB/T 2260 code, never letters.
        for (var i = AreaCodeStart; i < AreaCodeStart + AreaCodeLength; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return $"第 {AreaCodeStart + 1} 至 {AreaCodeStart + AreaCodeLength} 位行政区划码应为数字，实为“{code.Substring(AreaCodeStart, AreaCodeLength)}”";
            }
        }

        var expected = CheckCharacter(code.AsSpan(0, Length - 1))!.Value;
        return expected == code[^1] ? null : $"校验位错误：按 GB 32100 应为“{expected}”，实为“{code[^1]}”";
    }
}
