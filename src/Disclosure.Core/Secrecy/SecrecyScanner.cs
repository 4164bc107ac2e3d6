using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Disclosure.Core.Secrecy;

/// <summary>
/// 保密审查自动扫描: flags what must not go out in a disclosure — personal data (身份证号 and 疑似身份证号、手机号、
/// 银行卡号、电子邮箱、姓名 after a word that introduces a person), 密级标志 and the office's own 敏感词 — before a
/// person does the 保密审查 step. The scan proposes, a reviewer
/// decides; so every rule leans towards precision on look-alikes (dates, 文号, landlines, legal wording such as
/// 国家秘密) that would otherwise bury the real findings.
/// </summary>
public sealed partial class SecrecyScanner
{
    private const string MarkDescription = "密级标志";

    private readonly IReadOnlyList<string> _keywords;

    /// <param name="keywords">The office's configured 敏感词; blank entries are ignored, surrounding spaces trimmed.</param>
    public SecrecyScanner(IEnumerable<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        _keywords = keywords
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => k.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Scans one piece of an item (its title, body, an attachment's text). <paramref name="location"/> is copied to
    /// every finding. Findings are ordered by index and never overlap, so they can be applied in one pass.
    /// </summary>
    public IReadOnlyList<SecrecyFinding> Scan(string text, string location)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(location);
        if (text.Length == 0)
        {
            return [];
        }

        var normalised = NormaliseWidth(text);
        var scan = new ScanText(text, normalised, location);

        // Numbers first among themselves: the same digits can read as an ID, a card and a phone, and the stricter
        // reading wins whatever its length. Then everything together, the longer span winning.
        var numbers = KeepNonOverlapping(
            [.. ResidentIds(scan), .. BankCards(scan), .. MobileNumbers(scan)],
            (a, b) => Compare(Rank(a.Kind), Rank(b.Kind), b.Length, a.Length, a.Index, b.Index));
        return KeepNonOverlapping(
            [.. numbers, .. Emails(scan), .. ClassificationMarks(scan), .. Keywords(scan), .. PersonNames(scan)],
            (a, b) => Compare(b.Length, a.Length, Rank(a.Kind), Rank(b.Kind), a.Index, b.Index));
    }

    private static IEnumerable<SecrecyFinding> ResidentIds(ScanText scan)
    {
        foreach (Match match in ResidentIdRegex().Matches(scan.Normalised))
        {
            if (ResidentIdNumber.IsValid(match.Value))
            {
                yield return ResidentIdFinding(scan, match.Index, match.Length);
            }
            else if (ResidentIdNumber.HasWrongCheckCharacter(match.Value))
            {
                var digits = scan.OriginalDigits(match.Index, match.Length);
                yield return scan.Finding(FindingKind.SuspectResidentId, match.Index, match.Length, Keep(digits, 6, 8, 4), "疑似身份证号（校验位不符）");
            }
        }
    }

    private static SecrecyFinding ResidentIdFinding(ScanText scan, int index, int length)
    {
        var digits = scan.OriginalDigits(index, length);
        var (stars, tail) = digits.Length == 18 ? (8, 4) : (6, 3);
        return scan.Finding(FindingKind.ResidentId, index, length, Keep(digits, 6, stars, tail), "居民身份证号码");
    }

    private static IEnumerable<SecrecyFinding> BankCards(ScanText scan)
    {
        foreach (Match match in BankCardRegex().Matches(scan.Normalised))
        {
            // 6222 0212 3456 7890 2017年: a fifth group may be the next number rather than the card's tail.
            var lengths = match.Groups["tail"].Success ? new[] { match.Length, match.Groups["tail"].Index - match.Index } : [match.Length];
            foreach (var length in lengths)
            {
                var digits = scan.NormalisedDigits(match.Index, length);
                if (ResidentIdNumber.IsValid(digits))
                {
                    yield return ResidentIdFinding(scan, match.Index, length);
                    break;
                }

                if (digits.Length is >= 16 and <= 19 && HasCardNetworkPrefix(digits) && Luhn.IsValid(digits))
                {
                    var original = scan.OriginalDigits(match.Index, length);
                    yield return scan.Finding(FindingKind.BankCard, match.Index, length, Keep(original, 6, original.Length - 10, 4), "银行卡号");
                    break;
                }
            }
        }
    }

    /// <summary>银联 62, Visa 4, Mastercard 5, JCB/American Express/Diners 3.</summary>
    private static bool HasCardNetworkPrefix(string digits) =>
        digits.StartsWith("62", StringComparison.Ordinal) || digits[0] is '3' or '4' or '5';

    private static IEnumerable<SecrecyFinding> MobileNumbers(ScanText scan)
    {
        foreach (Match match in MobileNumberRegex().Matches(scan.Normalised))
        {
            var number = match.Groups["number"];
            var digits = scan.OriginalDigits(number.Index, number.Length);
            yield return scan.Finding(FindingKind.MobileNumber, match.Index, match.Length, Keep(digits, 3, 4, 4), "手机号码");
        }
    }

    private static IEnumerable<SecrecyFinding> Emails(ScanText scan)
    {
        foreach (Match match in EmailRegex().Matches(scan.Original))
        {
            var at = match.Value.IndexOf('@', StringComparison.Ordinal);
            var mask = string.Concat(match.Value.AsSpan(0, 1), "***", match.Value.AsSpan(at));
            yield return scan.Finding(FindingKind.Email, match.Index, match.Length, mask, "电子邮箱");
        }
    }

    private static IEnumerable<SecrecyFinding> ClassificationMarks(ScanText scan)
    {
        foreach (Match match in ClassificationMarkRegex().Matches(scan.Normalised))
        {
            if (match.Groups["notice"].Success)
            {
                yield return scan.Finding(FindingKind.ClassificationMark, match.Index, match.Length, string.Empty, $"保密标注“{match.Value}”");
            }
            else if (match.Groups["bracketed"].Success || match.Groups["starred"].Success || !IsLegalWording(scan.Normalised, match))
            {
                yield return scan.Finding(FindingKind.ClassificationMark, match.Index, match.Length, string.Empty, MarkDescription);
            }
        }
    }

    /// <summary>
    /// A level word that is not bracketed or starred may still be prose quoting the law: 国家秘密的密级分为绝密、机密、
    /// 秘密三级; 绝密级国家秘密是最重要的国家秘密; 商业秘密级别. Those are not marks on this document.
    /// </summary>
    private static bool IsLegalWording(string text, Match match)
    {
        var before = text.AsSpan(0, match.Index);
        var after = text.AsSpan(match.Index + match.Length);
        return LegalPrefixRegex().IsMatch(before[Math.Max(0, before.Length - 8)..])
            || EnumerationAfterRegex().IsMatch(after[..Math.Min(8, after.Length)])
            || (match.Value.EndsWith('级') && after.StartsWith("国家秘密", StringComparison.Ordinal));
    }

    private static IEnumerable<SecrecyFinding> PersonNames(ScanText scan)
    {
        foreach (var (index, length, label) in PersonNameRule.Find(scan.Normalised))
        {
            var name = scan.Original.Substring(index, length);
            yield return scan.Finding(FindingKind.PersonName, index, length, SecrecyMasking.MaskPersonName(NoSpaces(name)), $"个人姓名（{label}）");
        }
    }

    /// <summary>李 四 and 李　四 are masked as 李*: the space was layout, not part of the name.</summary>
    private static string NoSpaces(string name) => string.Concat(name.Where(c => c is not (' ' or '\u3000')));

    private IEnumerable<SecrecyFinding> Keywords(ScanText scan)
    {
        foreach (var keyword in _keywords)
        {
            var mask = new string('*', new StringInfo(keyword).LengthInTextElements);
            var description = $"敏感词“{keyword}”";
            for (var index = scan.Original.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
                 index >= 0;
                 index = scan.Original.IndexOf(keyword, index + keyword.Length, StringComparison.OrdinalIgnoreCase))
            {
                yield return scan.Finding(FindingKind.Keyword, index, keyword.Length, mask, description);
            }
        }
    }

    /// <summary>Takes candidates best first and drops any that overlaps one already kept; returns them by index.</summary>
    private static List<SecrecyFinding> KeepNonOverlapping(List<SecrecyFinding> candidates, Comparison<SecrecyFinding> better)
    {
        candidates.Sort(better);
        var kept = new List<SecrecyFinding>(candidates.Count);
        var byIndex = Comparer<SecrecyFinding>.Create((a, b) => a.Index.CompareTo(b.Index));
        foreach (var candidate in candidates)
        {
            var position = kept.BinarySearch(candidate, byIndex);
            if (position < 0)
            {
                position = ~position;
            }
            else
            {
                continue; // same start as a better finding
            }

            if ((position > 0 && kept[position - 1].Overlaps(candidate))
                || (position < kept.Count && kept[position].Overlaps(candidate)))
            {
                continue;
            }

            kept.Insert(position, candidate);
        }

        return kept;
    }

    private static int Compare(int a1, int b1, int a2, int b2, int a3, int b3) =>
        a1 != b1 ? a1.CompareTo(b1) : a2 != b2 ? a2.CompareTo(b2) : a3.CompareTo(b3);

    /// <summary>
    /// Who wins a tie: 身份证 over 银行卡 over 手机号 over 疑似身份证号 (a Luhn-valid card number is not a mistyped ID),
    /// then the rest; the office's own 敏感词 over a name found by context, since the office chose its mask.
    /// </summary>
    private static int Rank(FindingKind kind) => kind switch
    {
        FindingKind.ResidentId => 0,
        FindingKind.BankCard => 1,
        FindingKind.MobileNumber => 2,
        FindingKind.SuspectResidentId => 3,
        FindingKind.Email => 4,
        FindingKind.ClassificationMark => 5,
        FindingKind.Keyword => 6,
        _ => 7,
    };

    private static string Keep(string digits, int head, int stars, int tail) =>
        string.Concat(digits.AsSpan(0, head), new string('*', stars), digits.AsSpan(digits.Length - tail));

    /// <summary>
    /// Chinese documents often type numbers in full width (１３８１２３４５６７８). Mapping them one-to-one to ASCII
    /// keeps every index valid, so the rules see one alphabet and findings still point into the original text.
    /// </summary>
    private static string NormaliseWidth(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '０' and <= '９' => (char)(c - '０' + '0'),
                'Ｘ' => 'X',
                'ｘ' => 'x',
                '＋' => '+',
                '－' => '-',
                '\u3000' => ' ',
                _ => c,
            };
        }
    });

    /// <summary>The text as written, its width-normalised twin, and the caller's location.</summary>
    private sealed record ScanText(string Original, string Normalised, string Location)
    {
        public SecrecyFinding Finding(FindingKind kind, int index, int length, string mask, string description) =>
            new(kind, Location, index, length, Original.Substring(index, length), mask, description);

        /// <summary>The digits (and X) of a span as written, separators dropped, so a mask keeps their width.</summary>
        public string OriginalDigits(int index, int length) => Digits(Original, index, length);

        public string NormalisedDigits(int index, int length) => Digits(Normalised, index, length);

        private string Digits(string from, int index, int length)
        {
            var builder = new StringBuilder(length);
            for (var i = index; i < index + length; i++)
            {
                if (Normalised[i] is >= '0' and <= '9' or 'X' or 'x')
                {
                    builder.Append(from[i]);
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>18 characters (last may be X) or 15 digits, not inside a longer run of digits.</summary>
    [GeneratedRegex(@"(?<![0-9])(?:[0-9]{17}[0-9Xx](?![0-9])|[0-9]{15}(?![0-9Xx]))", RegexOptions.CultureInvariant)]
    private static partial Regex ResidentIdRegex();

    /// <summary>16-19 digits, run together or in groups of four split by one space or hyphen.</summary>
    [GeneratedRegex(
        @"(?<![0-9])(?:[0-9]{16,19}|[0-9]{4}(?<sep>[ -])[0-9]{4}\k<sep>[0-9]{4}\k<sep>[0-9]{4}(?<tail>\k<sep>[0-9]{1,3})?)(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex BankCardRegex();

    /// <summary>1[3-9]xxxxxxxxx, optionally +86/86 first and written 3-4-4 with one kind of separator.</summary>
    [GeneratedRegex(
        @"(?<![0-9+])(?:\+?86[ -]?)?(?<number>1[3-9][0-9](?:[0-9]{8}|(?<sep>[ -])[0-9]{4}\k<sep>[0-9]{4}))(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumberRegex();

    /// <summary>local@domain.tld with a dotted domain; name@localhost is not a public address and is left alone.</summary>
    [GeneratedRegex(
        @"(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    /// <summary>
    /// 密级标志 as GB/T 9704 puts it on a document: 秘密★1年, 机密★长期, 绝密★2030年12月31日; or standing as a mark —
    /// bracketed (【机密】), alone at the start of a line, or 机密级; 绝密 anywhere; and the 内部资料-style notices.
    /// Plain 秘密/机密 in prose (国家秘密, 商业机密) matches none of these.
    /// </summary>
    [GeneratedRegex(
        """
        (?<bracketed>[【\[（(〔][ \t]*(?:绝密|机密|秘密)级?(?:[ \t]*★[ \t]*(?:长期|[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:个月|年|月))?)?[ \t]*[】\]）)〕])
        |(?<starred>(?:绝密|机密|秘密)级?[ \t]*★(?:[ \t]*(?:长期|[0-9]{4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:个月|年|月)))?)
        |(?<graded>(?:绝密|机密|秘密)级)
        |(?<line>(?<=^[ \t]*)(?:绝密|机密|秘密)(?=\s|$|[，,。：:；;]))
        |(?<bare>绝密)
        |(?<notice>内部资料|内部文件|注意保密|不得外传)
        """,
        RegexOptions.CultureInvariant | RegexOptions.Multiline | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ClassificationMarkRegex();

    /// <summary>Just before a level word: part of 国家秘密/商业秘密/工作秘密/保守秘密, or an enumeration 绝密、机密、.</summary>
    [GeneratedRegex(@"(?:国家|商业|工作|保守|(?:绝密|机密|秘密)级?[ \t]*(?:[、，,/]|和|或|及|与)[ \t]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LegalPrefixRegex();

    /// <summary>Just after a level word: the enumeration goes on (、机密、秘密三级).</summary>
    [GeneratedRegex(@"^[ \t]*(?:[、，,/]|和|或|及|与)[ \t]*(?:绝密|机密|秘密)", RegexOptions.CultureInvariant)]
    private static partial Regex EnumerationAfterRegex();
}
