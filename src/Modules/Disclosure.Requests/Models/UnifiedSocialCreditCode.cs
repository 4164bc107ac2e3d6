namespace Disclosure.Requests.Models;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capitals without I, O, S, V,
/// Z): 登记管理部门代码, 机构类别代码, 6-digit area code, the 9-character 组织机构代码, and a check character
/// computed over the first 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>True for 18 characters of the code's alphabet (upper case) whose last is the right check character.</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18 || code.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return false;
        }

        // The area code (positions 3–8) is always six digits.
        return code.AsSpan(2, 6).ToString().All(char.IsAsciiDigit) && CheckCharacter(code.AsSpan(0, 17)) == code[17];
    }

    /// <summary>The check character for the first 17 characters, or null when one is outside the alphabet.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                return null;
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }
}
