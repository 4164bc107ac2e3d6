using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Channels.Weibo;

/// <summary>
/// A post's text, and the platform's 140-character rule as the platform counts it.
/// <para>
/// <b>Counting.</b> The reference says only "at most 140 Chinese characters". The platform's own counter (the one its
/// web and app composers show, and <c>statuses/share</c> enforces) counts in half-characters: a Chinese (or any
/// non-ASCII, full-width) character is 2, an ASCII character 1, and the total is rounded up — so 140 字 is 280
/// half-characters, two ASCII letters make one 字. Every link counts as a fixed 20 half-characters (10 字) whatever
/// its length, because the platform replaces it with a short t.cn link. An emoji or other character outside the BMP is
/// one text element and counts 2. <see cref="Length"/> implements exactly this; the fake platform counts the same
/// way from its own code, so a disagreement would show in the tests.
/// </para>
/// <para>
/// <b>What is posted.</b> <c>【标题】内容概述 链接</c> — the 内容概述 (or the body's opening text) cut to what is left
/// of the 140, marked with "…"; a title too long for the rule on its own is cut instead and the digest dropped. A
/// correction (an update: the platform cannot edit a post) begins <c>【更正】</c>. '#' and '＃' are removed from the
/// title and digest, since the platform makes <c>#…#</c> into a 话题 (topic) link, which a government post must not
/// create by accident. The link is always whole: the platform requires one on the app's 安全域名.
/// </para>
/// </summary>
public static partial class WeiboText
{
    public const int MaxCharacters = 140;

    /// <summary>What one link counts, in half-characters.</summary>
    public const int LinkUnits = 20;

    private const string Ellipsis = "…";

    private const string CorrectionMark = "【更正】";

    [GeneratedRegex(@"https?://[^\s\u3000]+", RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>The text's length in 字 as the platform counts it (see the class).</summary>
    public static int Length(string text) => (Units(text) + 1) / 2;

    /// <summary>Whether the platform accepts the text's length.</summary>
    public static bool Fits(string text) => Length(text) <= MaxCharacters;

    /// <summary>The post for a publication (or, with <paramref name="correction"/>, an update's correction), within the rule.</summary>
    public static string Compose(string title, string? digest, string url, bool correction)
    {
        var head = correction ? CorrectionMark : string.Empty;
        var tail = " " + url;
        var budget = MaxCharacters * 2 - Units(head) - Units(tail) - Units("【】");
        var cleanTitle = Clean(title);
        if (Units(cleanTitle) > budget)
        {
            return head + "【" + Cut(cleanTitle, budget) + "】" + tail;
        }

        var text = head + "【" + cleanTitle + "】";
        var left = budget - Units(cleanTitle);
        var cleanDigest = Clean(digest ?? string.Empty);
        // A digest cut to a few characters says nothing: leave it out.
        if (cleanDigest.Length > 0 && left >= 2 * 8)
        {
            text += Cut(cleanDigest, left);
        }

        return text + tail;
    }

    /// <summary>The text without its links and spaces: how a post is recognised even after the platform shortened its link.</summary>
    public static string Fingerprint(string text) => Spaces().Replace(Links().Replace(text, string.Empty), string.Empty);

    /// <summary>No topics, no line breaks or runs of spaces (a post is one paragraph).</summary>
    internal static string Clean(string text) =>
        Spaces().Replace(text.Replace("#", string.Empty, StringComparison.Ordinal).Replace("＃", string.Empty, StringComparison.Ordinal), " ").Trim();

    /// <summary>Cuts <paramref name="text"/> (no links in it) to at most <paramref name="units"/> half-characters, "…" included.</summary>
    private static string Cut(string text, int units)
    {
        if (Units(text) <= units)
        {
            return text;
        }

        var room = units - Units(Ellipsis);
        var result = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var cost = ElementUnits(element);
            if (used + cost > room)
            {
                break;
            }

            result.Append(element);
            used += cost;
        }

        return result.ToString().TrimEnd() + Ellipsis;
    }

    private static int Units(string text)
    {
        var units = 0;
        var rest = Links().Replace(text, match =>
        {
            units += LinkUnits;
            return string.Empty;
        });
        var elements = StringInfo.GetTextElementEnumerator(rest);
        while (elements.MoveNext())
        {
            units += ElementUnits(elements.GetTextElement());
        }

        return units;
    }

    private static int ElementUnits(string element) => element.Length == 1 && element[0] <= '\u007F' ? 1 : 2;
}
