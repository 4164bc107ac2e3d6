using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Core.IndexNumbers;

/// <summary>
/// A 索引号 pattern such as <c>{area}-{dept}/{year}-{seq:00000}</c> (seed 003: <c>640121-103/2017-48967</c>).
/// Tokens: {area} 区划代码, {dept} 部门代码, {agency} 机构代码, {year}, {month} (two digits), and exactly one
/// {seq} or {seq:0000…} for the running number. Everything else is literal text.
/// </summary>
public sealed partial class IndexNumberFormat
{
    public const string Default = "{area}-{dept}/{year}-{seq:00000}";

    private static readonly HashSet<string> KnownTokens = ["area", "dept", "agency", "year", "month", "seq"];

    private readonly IReadOnlyList<Segment> _segments;

    private IndexNumberFormat(string pattern, IReadOnlyList<Segment> segments)
    {
        Pattern = pattern;
        _segments = segments;
    }

    public string Pattern { get; }

    public static IndexNumberFormat Parse(string pattern) =>
        TryParse(pattern, out var format, out var error) ? format : throw new FormatException(error);

    public static bool TryParse(string pattern, out IndexNumberFormat format, out string error)
    {
        format = null!;
        var segments = new List<Segment>();
        var last = 0;
        var seqCount = 0;
        foreach (Match match in TokenRegex().Matches(pattern))
        {
            if (match.Index > last)
            {
                segments.Add(new Segment(null, pattern[last..match.Index]));
            }

            var name = match.Groups["name"].Value;
            var digits = match.Groups["pad"].Success ? match.Groups["pad"].Value : null;
            if (!KnownTokens.Contains(name))
            {
                error = $"索引号格式“{pattern}”中的占位符 {{{name}}} 无法识别（可用：{{area}}、{{dept}}、{{agency}}、{{year}}、{{month}}、{{seq}}）。";
                return false;
            }

            if (digits is not null && name != "seq")
            {
                error = $"索引号格式“{pattern}”中只有 {{seq}} 可以指定位数。";
                return false;
            }

            seqCount += name == "seq" ? 1 : 0;
            segments.Add(new Segment(name, digits ?? string.Empty));
            last = match.Index + match.Length;
        }

        if (last < pattern.Length)
        {
            segments.Add(new Segment(null, pattern[last..]));
        }

        if (segments.Any(s => s.Token is null && (s.Text.Contains('{') || s.Text.Contains('}'))))
        {
            error = $"索引号格式“{pattern}”中有不成对的花括号。";
            return false;
        }

        if (seqCount != 1)
        {
            error = $"索引号格式“{pattern}”必须包含且只包含一个流水号占位符 {{seq}}。";
            return false;
        }

        format = new IndexNumberFormat(pattern, segments);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// The part that every number sharing one running sequence has in common: the pattern filled in with the
    /// sequence left out. One counter is kept per scope, so numbers are unique and gap-free within it.
    /// </summary>
    public string Scope(IndexNumberContext context) => Render(context, sequence: null);

    public string Format(IndexNumberContext context, long sequence) => Render(context, sequence);

    private string Render(IndexNumberContext context, long? sequence)
    {
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            builder.Append(segment.Token switch
            {
                null => segment.Text,
                "area" => context.AreaCode,
                "dept" => context.DepartmentCode,
                "agency" => context.AgencyCode,
                "year" => context.Date.Year.ToString("0000", CultureInfo.InvariantCulture),
                "month" => context.Date.Month.ToString("00", CultureInfo.InvariantCulture),
                "seq" when sequence is null => "{seq}",
                "seq" => sequence.Value.ToString(segment.Text.Length > 0 ? segment.Text : "0", CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException(segment.Token),
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\{(?<name>[a-z]+)(?::(?<pad>0+))?\}")]
    private static partial Regex TokenRegex();

    private sealed record Segment(string? Token, string Text);
}

/// <summary>What an 索引号 is made from: the publishing agency's codes and the publication date.</summary>
public sealed record IndexNumberContext(string AgencyCode, string AreaCode, string DepartmentCode, DateOnly Date);
