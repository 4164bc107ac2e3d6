using System.Text;
using Disclosure.Search.Analysis;

namespace Disclosure.Search.Identifiers;

/// <summary>
/// The look-up key of a 索引号 (640121-103/2017-48967) or 文号 (永公(办)发〔2017〕28号). People type these with
/// whatever brackets and widths their input method gives them, so the key treats as equal:
/// <list type="bullet">
/// <item>the bracket forms 〔〕【】[]（）() and their relatives (［］﹝﹞〖〗), as one pair ();</item>
/// <item>full-width and half-width characters (０=0, ／=/, －=-);</item>
/// <item>dashes of every kind (‐ ‑ – — ― −) as -;</item>
/// <item>traditional and simplified characters (國辦發 = 国办发);</item>
/// <item>letter case, and any whitespace (removed);</item>
/// <item>a 第 between the year and the number (〔2019〕第6号 = 〔2019〕6号), which some offices write and others not.</item>
/// </list>
/// 永公(办)发[2017]28号, 永公（办）发〔2017〕28号 and 永公(办)发【2017】28号 all give 永公(办)发(2017)28号.
/// </summary>
public static class IdentifierNormalizer
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var raw in value)
        {
            var c = TextFolding.Fold(raw);
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                '〔' or '【' or '[' or '﹝' or '〖' or '(' or '{' => '(',
                '〕' or '】' or ']' or '﹞' or '〗' or ')' or '}' => ')',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        // 第 right after the closing bracket of the year and before the number's digits.
        for (var i = builder.Length - 2; i > 0; i--)
        {
            if (builder[i] == '第' && builder[i - 1] == ')' && char.IsAsciiDigit(builder[i + 1]))
            {
                builder.Remove(i, 1);
            }
        }

        return builder.ToString();
    }
}
