using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Search.Analysis;
using Disclosure.Search.Identifiers;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// How a typed query is written down as a 常用检索词, and which queries never are. A 常用检索词 is shown to every
/// visitor, so anything that may be someone's personal data is refused before it is counted and again before it is
/// shown (rules tightened later then apply to what was stored earlier):
/// <list type="bullet">
/// <item>anything with <c>@</c> (an e-mail address);</item>
/// <item>seven or more digits in a row, counting across single spaces, dots and hyphens: 身份证号 (15/18 digits, with X),
/// 手机号 (11), 固定电话 with area code, bank card and QQ numbers;</item>
/// <item>unless the whole query has the shape of a 索引号 (640121-103/2017-48967) or a 文号 (永公(办)发〔2017〕28号),
/// which are public identifiers of documents;</item>
/// <item>and any query longer than the configured length.</item>
/// </list>
/// </summary>
public static partial class CommonQueryText
{
    /// <summary>Runs of digits this long are treated as a personal number (an ID, a phone, a card).</summary>
    public const int PersonalDigitRun = 7;

    /// <summary>
    /// The form a query is counted under: full-width and traditional characters folded, curly quotes straight, whitespace collapsed to single
    /// spaces, Latin lower-cased. 户籍　办理 and 户籍 办理 are one 常用检索词.
    /// </summary>
    public static string Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return string.Empty;
        }

        // 繁简 as the index folds it: 網上辦事 counts as, and matches titles as, 网上办事.
        var folded = TextFolding.Fold(query.Trim());
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c is '“' or '”' ? '"' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The normalised query when it may be kept and shown as a 常用检索词; null when it may not.</summary>
    public static string? Keepable(string? query, int maxLength)
    {
        var normalized = Normalize(query);
        return normalized.Length == 0 || normalized.Length > maxLength || LooksPersonal(normalized) ? null : normalized;
    }

    /// <summary>Whether the text may hold personal data (see the class remarks).</summary>
    public static bool LooksPersonal(string text)
    {
        if (text.Contains('@', StringComparison.Ordinal) || text.Contains('＠', StringComparison.Ordinal))
        {
            return true;
        }

        if (LongestDigitRun(WidthFolding.Fold(text)) < PersonalDigitRun)
        {
            return false;
        }

        return !IsIdentifierShaped(text);
    }

    /// <summary>Whether the whole text is shaped like a 索引号 or a 文号 (brackets and widths as typed, any form).</summary>
    public static bool IsIdentifierShaped(string text)
    {
        var key = IdentifierNormalizer.Normalize(text);
        return IndexNumberShape().IsMatch(key) || DocumentNumberShape().IsMatch(key);
    }

    /// <summary>The most digits in a row, a single space, dot, hyphen or underscore between two digits not breaking the row.</summary>
    internal static int LongestDigitRun(string text)
    {
        var longest = 0;
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                longest = Math.Max(longest, ++run);
            }
            else if (!(c is ' ' or '-' or '.' or '_' or '\u2014' or '\u2013' && run > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                run = 0;
            }
        }

        return longest;
    }

    // 索引号: an organisation code (digits, letters, its own hyphens), a slash, the year, a hyphen and a serial.
    [GeneratedRegex(@"^[0-9a-z]{2,20}(-[0-9a-z]{1,10})*/\d{4}-\d{1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexNumberShape();

    // 文号: the issuer's abbreviation (no digits), the year in brackets, a number of at most six digits and 号.
    [GeneratedRegex(@"^\D{1,30}\(\d{4}\)\d{1,6}号$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentNumberShape();
}
