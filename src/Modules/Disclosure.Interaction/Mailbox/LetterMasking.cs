using Disclosure.Core.Secrecy;

namespace Disclosure.Interaction.Mailbox;

/// <summary>The masked public copy of a letter proposed to the 公开办, and what was masked.</summary>
public sealed record MaskedLetter(string Subject, string Body, string Reply, IReadOnlyList<SecrecyFinding> Findings);

/// <summary>
/// 脱敏 of a letter before it is published: the writer's own name wherever it appears (张三 → 张*), then everything the
/// secrecy scan finds — ID, phone and bank-card numbers, e-mail addresses, names in context, the office's 敏感词 and
/// classification marks — replaced as the scan proposes. The 公开办 confirms (and may edit) the result;
/// <see cref="Remaining"/> then refuses a confirmed text that still holds anything the scan would flag.
/// </summary>
public static class LetterMasking
{
    public static MaskedLetter Propose(SecrecyScanner scanner, string subject, string body, string reply, string writerName)
    {
        var findings = new List<SecrecyFinding>();
        return new MaskedLetter(
            Mask(scanner, subject, writerName, "标题", findings),
            Mask(scanner, body, writerName, "来信内容", findings),
            Mask(scanner, reply, writerName, "答复内容", findings),
            findings);
    }

    /// <summary>What the scan still flags in a text about to be published (each as its zh-CN description), or none.</summary>
    public static IReadOnlyList<string> Remaining(SecrecyScanner scanner, string writerName, params (string Location, string Text)[] texts)
    {
        var problems = new List<string>();
        var name = writerName.Trim();
        foreach (var (location, text) in texts)
        {
            if (name.Length >= 2 && text.Contains(name, StringComparison.Ordinal))
            {
                problems.Add($"{location}：仍含有来信人姓名。");
            }

            problems.AddRange(scanner.Scan(text, location).Select(f => $"{location}：{f.Description}（“{f.Match}”）"));
        }

        return problems;
    }

    private static string Mask(SecrecyScanner scanner, string text, string writerName, string location, List<SecrecyFinding> findings)
    {
        var name = writerName.Trim();
        var named = name.Length >= 2 ? text.Replace(name, SecrecyMasking.MaskPersonName(name), StringComparison.Ordinal) : text;
        var found = new List<SecrecyFinding>();
        foreach (var finding in scanner.Scan(named, location).OrderBy(f => f.Index).ThenByDescending(f => f.Length))
        {
            // Two rules may flag overlapping spans (a phone number inside a longer digit run): the first, longest wins.
            if (found.Count == 0 || !found[^1].Overlaps(finding))
            {
                found.Add(finding);
            }
        }

        findings.AddRange(found);
        return found.Count == 0 ? named : SecrecyMasking.Apply(named, found);
    }
}
