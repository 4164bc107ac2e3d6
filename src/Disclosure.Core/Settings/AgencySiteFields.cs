using System.Globalization;
using System.Text.RegularExpressions;

namespace Disclosure.Core.Settings;

/// <summary>
/// An agency's own public site (集约化: each agency its own 信息公开 pages on one installation): the host names that
/// serve it, its theme (primary colour, logo) and its own 政府信息公开指南. Stored as AgencySettings rows under these
/// keys, beside the identity overrides; validated here so the admin form and the recipes refuse the same values.
/// </summary>
public static partial class AgencySiteFields
{
    /// <summary>Host names (one a line or comma separated) whose requests are this agency's site.</summary>
    public const string HostNames = "Site.HostNames";

    /// <summary>The theme's primary colour, <c>#rrggbb</c>; white text on it must be readable.</summary>
    public const string PrimaryColor = "Site.PrimaryColor";

    /// <summary>The header logo: a path on this site (<c>/media/…</c>, <c>/_content/…</c>); the site's Content-Security-Policy loads images from itself only.</summary>
    public const string LogoUrl = "Site.LogoUrl";

    /// <summary>The content item shown as this agency's 政府信息公开指南 (else the installation's).</summary>
    public const string GuideContentItemId = "Site.GuideContentItemId";

    public static readonly IReadOnlyList<(string Key, string Label)> All =
    [
        (HostNames, "独立域名"),
        (PrimaryColor, "主色调"),
        (LogoUrl, "标志图片地址"),
        (GuideContentItemId, "政府信息公开指南（内容编号）"),
    ];

    /// <summary>WCAG 2 AA for normal text: white text on the primary colour must reach this contrast ratio.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>The host names of a stored or posted value, lower case, without duplicates, in order.</summary>
    public static IReadOnlyList<string> ParseHostNames(string? value) =>
        (value ?? string.Empty).Split([',', '，', '\n', '\r', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A DNS host name: labels of letters, digits and hyphens (not at either end), at least one dot, no port or scheme.</summary>
    public static bool IsHostName(string host) => host.Length <= 253 && HostNamePattern().IsMatch(host);

    /// <summary>
    /// Every problem with an agency's site values (by key, zh-CN), and the values as they are to be stored (trimmed,
    /// host names normalised one a line). Uniqueness across agencies is the store's check; it needs the others' rows.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string> Values) Validate(IReadOnlyDictionary<string, string?> input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = All.ToDictionary(f => f.Key, f => input.GetValueOrDefault(f.Key)?.Trim() ?? string.Empty, StringComparer.Ordinal);

        var hosts = ParseHostNames(values[HostNames]);
        if (hosts.FirstOrDefault(h => !IsHostName(h)) is { } bad)
        {
            errors[HostNames] = $"“{bad}”不是有效的域名：应为如 yjhlq.gov.cn 的主机名，不含 http://、端口或路径。";
        }
        else if (hosts.Count > 10)
        {
            errors[HostNames] = "每个机构最多设置 10 个域名。";
        }

        values[HostNames] = string.Join("\n", hosts);

        if (values[PrimaryColor].Length > 0)
        {
            if (ParseColor(values[PrimaryColor]) is not { } rgb)
            {
                errors[PrimaryColor] = "主色调应为 #rrggbb 形式的颜色，如 #1a4f8b。";
            }
            else if (ContrastWithWhite(rgb) is var ratio && ratio < MinimumContrast)
            {
                errors[PrimaryColor] = $"主色调与白色文字的对比度为 {ratio.ToString("0.00", CultureInfo.InvariantCulture)}:1，低于 {MinimumContrast}:1，请选用更深的颜色。";
            }
            else
            {
                values[PrimaryColor] = values[PrimaryColor].ToLowerInvariant();
            }
        }

        var logo = values[LogoUrl];
        if (logo.Length > 0 && !IsSafeImageUrl(logo))
        {
            errors[LogoUrl] = "标志图片地址应为本站图片的路径（以 / 开头，如 /media/logo.png），不超过 500 个字符，不含空格、引号或括号。";
        }

        var guide = values[GuideContentItemId];
        if (guide.Length > 100 || guide.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#'))
        {
            errors[GuideContentItemId] = "政府信息公开指南应填写内容编号（内容页地址 /content/ 之后的部分）。";
        }

        return (errors, values);
    }

    /// <summary>The red, green and blue of <c>#rrggbb</c>, or null.</summary>
    public static (int R, int G, int B)? ParseColor(string value)
    {
        if (!ColorPattern().IsMatch(value))
        {
            return null;
        }

        int Channel(int at) => int.Parse(value.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (Channel(1), Channel(3), Channel(5));
    }

    /// <summary>The WCAG 2 contrast ratio of white against the colour.</summary>
    public static double ContrastWithWhite((int R, int G, int B) rgb)
    {
        static double Linear(int channel)
        {
            var c = channel / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Linear(rgb.R) + 0.7152 * Linear(rgb.G) + 0.0722 * Linear(rgb.B);
        return 1.05 / (luminance + 0.05);
    }

    private static bool IsSafeImageUrl(string url) =>
        url.Length <= 500 && !url.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '<' or '>' or '\\' or '(' or ')')
        && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex("^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostNamePattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
