namespace Disclosure.Search.Analysis;

/// <summary>
/// Folds full-width forms (全角) to half-width (半角): Ｗ→W, １→1, （→(, ／→/, the ideographic space to a space.
/// One character in, one character out, so offsets into the original text stay valid for highlighting.
/// </summary>
public static class WidthFolding
{
    private const char FullWidthFirst = '\uFF01'; // ！
    private const char FullWidthLast = '\uFF5E';  // ～
    private const int FullWidthShift = 0xFEE0;    // ！(U+FF01) - !(U+0021)
    private const char IdeographicSpace = '\u3000';

    public static char Fold(char c) => c switch
    {
        >= FullWidthFirst and <= FullWidthLast => (char)(c - FullWidthShift),
        IdeographicSpace => ' ',
        _ => c,
    };

    public static string Fold(string text)
    {
        var span = text.AsSpan();
        var firstWide = span.IndexOfAnyInRange(FullWidthFirst, FullWidthLast);
        var space = span.IndexOf(IdeographicSpace);
        if (firstWide < 0 && space < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (target, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = Fold(source[i]);
            }
        });
    }

    public static void FoldInPlace(Span<char> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Fold(buffer[i]);
        }
    }
}
