using System.Globalization;
using System.Text;

namespace Disclosure.Core.Secrecy;

/// <summary>Turns what the scan found into the text that may be published (脱敏处理).</summary>
public static class SecrecyMasking
{
    /// <summary>
    /// Replaces each finding's span in <paramref name="text"/> with its <see cref="SecrecyFinding.ProposedMask"/>.
    /// The findings must come from scanning this very text (pass only those of one Location): a finding whose span
    /// does not hold its Match, or two findings that overlap, throw rather than silently garble a document that is
    /// about to be published.
    /// </summary>
    public static string Apply(string text, IEnumerable<SecrecyFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);

        var ordered = findings.OrderBy(f => f.Index).ToList();
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in ordered)
        {
            if (finding.Index < position)
            {
                throw new ArgumentException($"“{finding.Match}”（位置 {finding.Index}）与前一处重叠，无法脱敏。", nameof(findings));
            }

            if (finding.Index < 0 || finding.End > text.Length
                || !text.AsSpan(finding.Index, finding.Length).SequenceEqual(finding.Match))
            {
                throw new ArgumentException($"“{finding.Match}”（位置 {finding.Index}）不在这段文字中，请重新扫描后再脱敏。", nameof(findings));
            }

            builder.Append(text, position, finding.Index - position).Append(finding.ProposedMask);
            position = finding.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// 姓名脱敏: keeps the surname (one character, or a 复姓 from <see cref="ChineseSurnames.Compound"/> — without it
    /// 欧阳娜娜 would become 欧***, which reads as a different family name — when the name is longer than it) and
    /// replaces every other character with '*': 张三 → 张*, 欧阳娜娜 → 欧阳**. A two-character name that happens to
    /// spell a 复姓 (欧阳) is read as surname 欧 plus given name 阳. A one-character name is returned unchanged.
    /// The middle dot of minority names (阿依古丽·买买提) is kept, and rare characters outside the BMP count as one.
    /// </summary>
    public static string MaskPersonName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        var trimmed = name.Trim();
        var elements = TextElements(trimmed);
        if (elements.Count <= 1)
        {
            return trimmed;
        }

        var kept = elements.Count > 2 && ChineseSurnames.Compound.Any(s => trimmed.StartsWith(s, StringComparison.Ordinal)) ? 2 : 1;
        var builder = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
        {
            builder.Append(i < kept || elements[i] is "·" or "•" ? elements[i] : "*");
        }

        return builder.ToString();
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
