namespace Disclosure.Search.Analysis;

/// <summary>
/// What the analyzer folds before tokenising, in its order: full-width to half-width (<see cref="WidthFolding"/>),
/// then traditional to simplified (<see cref="ScriptFolding"/>). One character to one throughout, so offsets stay
/// valid. Anything that must compare text the way the index does (identifier keys, 常用检索词) folds through here.
/// </summary>
public static class TextFolding
{
    public static char Fold(char c) => ScriptFolding.Fold(WidthFolding.Fold(c));

    public static string Fold(string text) => ScriptFolding.Fold(WidthFolding.Fold(text));

    public static void FoldInPlace(Span<char> buffer)
    {
        WidthFolding.FoldInPlace(buffer);
        ScriptFolding.FoldInPlace(buffer);
    }
}
