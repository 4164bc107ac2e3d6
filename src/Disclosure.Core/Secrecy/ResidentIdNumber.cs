using System.Globalization;
using Disclosure.Core.Time;

namespace Disclosure.Core.Secrecy;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence, 1 check character; or the
/// pre-1999 15-digit form with a 6-digit date 19YYMMDD and no check character. Checking the date and the check digit
/// is what keeps the scanner from masking every long number in a document (文号, 索引号, amounts, order numbers).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>省级行政区划代码 (GB/T 2260), and 81/82/83 of the residence permits for Hong Kong, Macao and Taiwan residents.</summary>
    private static readonly HashSet<int> ProvinceCodes =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83];

    /// <summary>
    /// True for an 18-character number with a correct check character (X or x) and a real birth date in
    /// 1900..the current Beijing year, or a 15-digit number with a real date 19YYMMDD; the area code must not start
    /// with 0. Only ASCII digits count.
    /// </summary>
    public static bool IsValid(string id)
    {
        if (id is null)
        {
            return false;
        }

        return id.Length switch
        {
            18 => IsValid18(id),
            15 => IsValid15(id),
            _ => false,
        };
    }

    /// <summary>
    /// True for an 18-character number that reads as an ID in every part but its check character: a province code
    /// that exists, a real birth date, and a last character that is a digit or X but not the right one. Such a
    /// number is most likely a real ID with one digit mistyped, and so still personal data. A number that is
    /// <see cref="IsValid"/> is not suspect.
    /// </summary>
    public static bool HasWrongCheckCharacter(string id)
    {
        if (id is not { Length: 18 } || !(char.IsAsciiDigit(id[17]) || id[17] is 'X' or 'x'))
        {
            return false;
        }

        var check = CheckCharacter(id.AsSpan(0, 17));
        return check is not null
            && char.ToUpperInvariant(id[17]) != check
            && ProvinceCodes.Contains(int.Parse(id.AsSpan(0, 2), CultureInfo.InvariantCulture))
            && RealBirthDate(id.AsSpan(6, 8));
    }

    /// <summary>The check character for the first 17 digits, or null when they are not 17 ASCII digits.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || !AllDigits(first17))
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static bool IsValid18(string id)
    {
        var check = CheckCharacter(id.AsSpan(0, 17));
        return check is not null
            && char.ToUpperInvariant(id[17]) == check
            && PlausibleArea(id)
            && RealBirthDate(id.AsSpan(6, 8));
    }

    private static bool IsValid15(string id) =>
        AllDigits(id) && PlausibleArea(id) && RealBirthDate(string.Concat("19", id.AsSpan(6, 6)));

    private static bool PlausibleArea(string id) => id[0] is >= '1' and <= '9';

    private static bool RealBirthDate(ReadOnlySpan<char> yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year >= 1900
        && date.Year <= ChinaTime.ToDate(DateTime.UtcNow).Year;

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
