using System.Globalization;

namespace Disclosure.Credit.Models;

/// <summary>
/// Amounts in 万元 with six decimals, which is exactly one 分 (0.000001 万元 = 0.01 元). Stored as a whole number of
/// millionths of 万元 so both databases hold them exactly and compare them as integers.
/// </summary>
public static class CreditAmounts
{
    private const decimal Scale = 1_000_000m;

    public static long ToMillionths(decimal amount) => decimal.ToInt64(decimal.Round(amount * Scale));

    public static decimal FromMillionths(long value) => Normalize(value / Scale);

    /// <summary>The same amount without trailing zeros (0.0500 → 0.05), so it prints and exports the same however it was typed.</summary>
    public static decimal Normalize(decimal amount) => amount / 1.000000000000000000000000000000000m;

    public static string Format(decimal amount) => Normalize(amount).ToString(CultureInfo.InvariantCulture);
}
