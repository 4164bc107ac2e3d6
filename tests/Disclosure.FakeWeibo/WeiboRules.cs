using System.Globalization;
using System.Text.RegularExpressions;

namespace Disclosure.FakeWeibo;

/// <summary>
/// How the platform measures and checks a status (shared/reference/weibo-api.md): at most 140 字, counted in
/// half-characters — a non-ASCII character 2, an ASCII character 1, every link a fixed 20 (it becomes a t.cn short
/// link), the total rounded up; no <c>#话题#</c>; a link on the app's 安全域名.
/// </summary>
public static partial class WeiboRules
{
    [GeneratedRegex(@"https?://[^\s\u3000]+")]
    private static partial Regex Links();

    [GeneratedRegex(@"[#＃][^#＃]+[#＃]")]
    private static partial Regex Topic();

    public static int Length(string status)
    {
        var halves = 0;
        var text = Links().Replace(status, _ =>
        {
            halves += 20;
            return string.Empty;
        });
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            halves += element.Length == 1 && element[0] < 128 ? 1 : 2;
        }

        return (halves + 1) / 2;
    }

    public static bool HasTopic(string status) => Topic().IsMatch(status);

    /// <summary>Whether a link in the status is on <paramref name="safeDomain"/> (any host when null).</summary>
    public static bool LinksTo(string status, string? safeDomain) =>
        Links().Matches(status).Any(m => Uri.TryCreate(m.Value, UriKind.Absolute, out var url)
            && (safeDomain is null || url.Host.Equals(safeDomain, StringComparison.OrdinalIgnoreCase)));

    public static string? PictureFormat(byte[] bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "jpg",
        [0x89, 0x50, 0x4E, 0x47, ..] => "png",
        [0x47, 0x49, 0x46, 0x38, ..] => "gif",
        _ => null,
    };
}
