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
