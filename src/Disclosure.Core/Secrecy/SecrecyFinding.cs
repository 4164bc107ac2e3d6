namespace Disclosure.Core.Secrecy;

/// <summary>
/// One thing the scan flagged. <paramref name="Location"/> is where in the item it was found, as the caller named it
/// ("标题", "正文", "附件：通知.docx"); <paramref name="Index"/> and <paramref name="Length"/> are the span of
/// <paramref name="Match"/> in the scanned text, so <see cref="SecrecyMasking.Apply"/> can replace it with
/// <paramref name="ProposedMask"/> (empty for a mark, which is removed). <paramref name="Description"/> is the zh-CN
/// text shown to the reviewer.
/// </summary>
public sealed record SecrecyFinding(
    FindingKind Kind, string Location, int Index, int Length, string Match, string ProposedMask, string Description)
{
    /// <summary>The index just past the match.</summary>
    public int End => Index + Length;

    public bool Overlaps(SecrecyFinding other) => Index < other.End && other.Index < End;
}
