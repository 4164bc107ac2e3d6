using ICU4N.Text;

namespace Disclosure.Search.Analysis;

/// <summary>
/// Folds traditional characters to simplified (繁简): 網上政務大廳 → 网上政务大厅. The mapping is ICU's
/// <c>Traditional-Simplified</c> transliterator, applied once per character of the CJK blocks when first needed
/// and kept as a table, because the analyzer runs per token and the transliterator is far too slow for that. Every
/// mapping in those blocks is one character to one, so offsets into the original text stay valid for highlighting,
/// as with <see cref="WidthFolding"/>; a character the transliterator would turn into several is left as it is.
/// </summary>
public static class ScriptFolding
{
    // CJK Extension A, the Unified Ideographs and the Compatibility Ideographs: every BMP block with traditional forms.
    private static readonly (char First, char Last)[] Blocks = [('\u3400', '\u4DBF'), ('\u4E00', '\u9FFF'), ('\uF900', '\uFAFF')];

    private static readonly Lazy<char[]> Table = new(BuildTable);

    public static char Fold(char c) => c < '\u3400' ? c : Table.Value[c];

    public static string Fold(string text)
    {
        var table = Table.Value;
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u33FF');
        for (var i = Math.Max(first, 0); first >= 0 && i < text.Length; i++)
        {
            if (table[text[i]] != text[i])
            {
                return string.Create(text.Length, text, static (target, source) =>
                {
                    source.AsSpan().CopyTo(target);
                    FoldInPlace(target);
                });
            }
        }

        return text;
    }

    public static void FoldInPlace(Span<char> buffer)
    {
        var table = Table.Value;
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = table[buffer[i]];
        }
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
        }

        // One transliteration of every character, a line each, rather than 28,000 calls.
        var lines = new System.Text.StringBuilder();
        foreach (var (first, last) in Blocks)
        {
            for (var c = first; c <= last; c++)
            {
                lines.Append(c).Append('\n');
            }
        }

        var folded = Transliterator.GetInstance("Traditional-Simplified").Transliterate(lines.ToString()).Split('\n');
        var index = 0;
        foreach (var (first, last) in Blocks)
        {
            for (var c = first; c <= last; c++, index++)
            {
                if (folded[index] is { Length: 1 } simplified)
                {
                    table[c] = simplified[0];
                }
            }
        }

        return table;
    }
}
